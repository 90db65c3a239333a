import { asksWhatChanged, combine, modeRef, readingKind, type ModeEvidence } from '../mode-evidence';
import { AFTER, BEFORE, NOW } from '../reading-context';
import type { Refiner } from '../refiner';

/**
 * A deployment told over time: the first time's mode against the last one's is a change; a
 * question about a component asks of the later deployment ("which ports will the SQL Server
 * need?") or of now ("but for now what does the admin server need?"), else it asks which.
 */
export const changeOverTime: Refiner = {
  name: 'change over time',
  refine(context) {
    const { query, clauseOf, clauses } = context;
    const evidence = context.modeEvidence;
    const ranks = [...new Set(evidence.map((e) => e.rank))].sort();
    if (context.modesSettled || ranks.length < 2) return;
    const all = context.knowledge.matrix.modes.map((m) => m.id);
    const at = (rank: number) => evidence.filter((e) => e.rank === rank);
    // "We were non-BOI until 2022, went hybrid last year, ...": with nothing said of now, the last deployment told of the past holds.
    const lastPast = Math.max(...at(BEFORE).map((e) => clauseOf[e.pieces[0]]));
    const now: ModeEvidence[] = at(NOW).length ? at(NOW) : at(BEFORE).filter((e) => clauseOf[e.pieces[0]] === lastPast);
    const asksOfNow = clauses.some((_, c) => context.questionClause(c) && context.indicesOf(c).some((i) => context.has(i, 'present')));
    const fromNow = now.length > 0 && asksOfNow;
    const firstEvidence = fromNow ? now : at(ranks[0]);
    const lastEvidence = at(ranks[ranks.length - 1]);
    const first = combine(firstEvidence, all);
    const last = combine(lastEvidence, all);
    // "we used to be all remote; now we're mostly in the office": what changed cannot be what it became.
    if (first.modes.length === 2 && last.modes.length === 1 && first.modes.includes(last.modes[0])) first.modes = first.modes.filter((m) => m !== last.modes[0]);
    if (last.modes.length === 2 && first.modes.length === 1 && last.modes.includes(first.modes[0])) last.modes = last.modes.filter((m) => m !== first.modes[0]);

    const diffAsked = asksWhatChanged(context);
    const selects = query.components.length + query.ports.length + query.services.length + query.transports.length > 0;
    const asksLater = clauses.some((_, c) => context.ranks[c] === AFTER && context.indicesOf(c).some((i) => context.has(i, 'wh') || context.has(i, 'rulesHead') || context.has(i, 'checkWord')));
    // "During COVID we were exclusive BOI; now everyone is back in the office. What does the IO server need?": nothing told of later, it asks of now.
    const noLater = !at(AFTER).length;
    const asksNow = clauses.some((_, c) => context.ranks[c] === NOW && context.questionClause(c) && (noLater || context.indicesOf(c).some((i) => context.has(i, 'present'))));
    const frame = asksLater ? last : asksNow ? combine(now, all) : undefined;
    if (!diffAsked && selects && frame && !frame.conflict && frame.modes.length === 1) {
      context.modesSettled = true;
      query.modes = [{ id: frame.modes[0], how: 'described' }];
      context.trace(() => [`asks of the ${asksLater ? 'later' : 'present'} deployment: ${frame.modes[0]}`]);
      return;
    }
    if (first.conflict || last.conflict || first.modes.length !== 1 || last.modes.length !== 1 || first.modes[0] === last.modes[0]) return;
    context.modesSettled = true;
    const change = { from: modeRef(context, first.modes[0], firstEvidence), to: modeRef(context, last.modes[0], lastEvidence) };
    context.trace(() => [`told over time: from ${change.from.id} to ${change.to.id}`]);
    if (diffAsked || !selects) {
      query.change = change;
      query.ask = 'change';
      return;
    }
    query.reason = 'vague-change';
    const components = query.components.map((c) => c.id);
    query.readings = [
      { kind: 'diff', components, modes: [change.from.id, change.to.id] },
      { kind: readingKind(components), components, modes: [change.to.id] },
    ];
  },
};
