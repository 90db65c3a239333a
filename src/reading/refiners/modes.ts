import { asksChange, combine, modeRef, readingKind } from '../mode-evidence';
import type { Refiner } from '../refiner';

/**
 * The modes the question covers, from all the evidence left when no change was read: names,
 * negated names ("we don't use BOI": the others), and described deployments, which must agree.
 * "What changes if our laptops start working from home some days?" is a change from before.
 */
export const modes: Refiner = {
  name: 'modes',
  refine(context) {
    const { knowledge, query } = context;
    if (context.modesSettled) return;
    const evidence = context.modeEvidence;
    const overall = combine(evidence, knowledge.matrix.modes.map((m) => m.id));
    // "what should I open when people start working from home?": outside, but not how often, and nothing
    // else says which: always (exclusive BOI) or some days (occasional BOI) is the asker's to say.
    const onlyVague = evidence.length > 0 && evidence.every((e) => e.vague) && overall.modes.length > 1;
    if ((overall.conflict || onlyVague) && !query.reason) {
      query.reason = overall.conflict ? 'conflicting-modes' : 'how-often';
      const components = query.components.map((c) => c.id);
      query.readings = overall.modes.map((m) => ({ kind: readingKind(components), components, modes: [m] }));
    }
    const diffAsked = asksChange(context);
    // "what changes if our laptops start working from home some days?": before, they did not.
    const started = context.facts.find((f) => context.indicesOf(f.clause).some((i) => i < f.piece && context.has(i, 'inchoative')));
    const deployments = knowledge.vocabulary.deployments;
    if (diffAsked && started && overall.modes.length === 1 && deployments) {
      const before = started.place === 'outside' ? deployments.inside : deployments.outside;
      if (before !== overall.modes[0]) {
        query.change = { from: { id: before }, to: modeRef(context, overall.modes[0], evidence) };
        query.ask = 'change';
        context.trace(() => [`a change that starts: before it, ${before}`]);
        return;
      }
    }
    // "what changes if we move to exclusive BOI?": the role stays, for the question that completes it.
    const roleOf = (id: string) => evidence.find((e) => e.how === 'named' && e.role && e.modes[0] === id)?.role;
    const positive = evidence.filter((e) => !e.negated);
    query.modes = overall.modes.map((id) => {
      const role = roleOf(id);
      // Object.assign onto the new ref, not { ...ref, how }: on Node 20 a spread followed by more keys costs ~0.7 µs.
      return Object.assign(overall.how === 'all' ? { id } : modeRef(context, id, positive), { how: overall.how }, role ? { role } : {});
    });
    if (diffAsked) query.ask = 'change';
    if (evidence.length) context.trace(() => [`${overall.how}: ${overall.modes.join(', ')}`]);
  },
};
