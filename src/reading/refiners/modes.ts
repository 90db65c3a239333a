import type { Knowledge } from '../../knowledge/build';
import type { Query } from '../query';
import type { DeploymentFact, ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';

/** Something that says which modes: a mode's name, "BOI", or a described deployment, with its time. */
interface Evidence {
  modes: string[];
  negated: boolean;
  role?: 'from' | 'to';
  rank: number;
  pieces: number[];
  how: 'named' | 'described';
  group: boolean;
}

type Where = 'inside' | 'outside' | 'mixed' | 'outsideOrMixed' | 'conflict';

/**
 * Where the endpoints are, by the facts of one time: "always inside" (p = 0), "always outside"
 * (p = 1), or in between; a fact without "always", "never" or "sometimes" is soft.
 */
function whereOf(facts: DeploymentFact[]): Where {
  const hard = new Set<number>();
  const soft = new Set<'in' | 'out'>();
  for (const { place, frequency, negated } of facts) {
    if (place === 'mixed') {
      if (!negated) hard.add(0.5);
      continue;
    }
    const out = place === 'outside';
    if (frequency === 'sometimes' || frequency === 'mostly') hard.add(0.5);
    else if (frequency === 'always') hard.add(negated ? 0.5 : out ? 1 : 0);
    // "it's not that people never work from home": not never is sometimes.
    else if (frequency === 'never') hard.add(negated ? 0.5 : out ? 0 : 1);
    else if (negated) hard.add(out ? 0 : 1);
    else soft.add(out ? 'out' : 'in');
  }
  if (hard.has(0.5)) return 'mixed';
  if (hard.has(0) && hard.has(1)) return 'conflict';
  if (hard.has(1)) return soft.has('in') ? 'conflict' : 'outside';
  if (hard.has(0)) return soft.has('out') ? 'conflict' : 'inside';
  if (soft.has('in') && soft.has('out')) return 'mixed';
  return soft.has('out') ? 'outsideOrMixed' : 'inside';
}

function modesOf(where: Where, knowledge: Knowledge): string[] | undefined {
  const deployments = knowledge.vocabulary.deployments;
  if (!deployments || where === 'conflict') return undefined;
  // A product with no mode for "sometimes inside, sometimes outside" reads only the two others.
  const modes = (where === 'outsideOrMixed' ? [deployments.outside, deployments.mixed] : [deployments[where]]).filter((m): m is string => Boolean(m));
  return modes.length ? modes : undefined;
}

/** The modes a set of evidence leaves: those named (a group's, unless one of its modes is), those described, less the negated. */
function combine(evidence: Evidence[], all: string[]): { modes: string[]; conflict: boolean; how: Query['modes'][number]['how'] } {
  const positive = evidence.filter((e) => !e.negated);
  const named = positive.filter((e) => e.how === 'named');
  const singles = new Set(named.filter((e) => !e.group).flatMap((e) => e.modes));
  const namedSet = new Set(singles);
  for (const group of named.filter((e) => e.group)) if (!group.modes.some((m) => singles.has(m))) group.modes.forEach((m) => namedSet.add(m));
  const described = positive.filter((e) => e.how === 'described');
  let chosen: Set<string> | undefined = named.length ? namedSet : undefined;
  for (const d of described) {
    const next: Set<string> = chosen ? new Set(d.modes.filter((m) => chosen!.has(m))) : new Set(d.modes);
    if (!next.size) return { modes: [...new Set([...(chosen ?? []), ...d.modes])], conflict: true, how: 'described' };
    chosen = next;
  }
  const negated = new Set(evidence.filter((e) => e.negated).flatMap((e) => e.modes));
  const modes = all.filter((m) => (chosen ? chosen.has(m) : true) && !negated.has(m));
  const how = described.length ? 'described' : named.length ? 'named' : negated.size ? 'remaining' : 'all';
  return { modes, conflict: false, how };
}

/**
 * Which modes the question covers, from every piece of evidence: names ("exclusive BOI", "BOI"),
 * negated names ("we don't use BOI"), and described deployments. Names marked "from"/"to", or a
 * deployment that changes over time, make a change between two modes.
 */
export const modes: Refiner = {
  name: 'modes',
  refine(context) {
    const { knowledge, query, pieces, entities, clauseOf } = context;
    const all = knowledge.matrix.modes.map((m) => m.id);
    const evidence: Evidence[] = [];
    pieces.forEach((_, i) => {
      const entity = entities[i];
      if (!entity || (entity.kind !== 'mode' && entity.kind !== 'modeGroup') || !context.free(i)) return;
      const group = entity.kind === 'modeGroup' ? knowledge.vocabulary.modeGroups.find((g) => g.id === entity.id) : undefined;
      const previous = context.before(i);
      const role = context.has(previous, 'from') || context.has(previous, 'diffBase') ? 'from' : context.has(previous, 'to') ? 'to' : undefined;
      // A remark in brackets ("(we haven't decided exclusive vs occasional yet)") names modes, not a change.
      const remark = context.clauses[clauseOf[i]].bracket;
      evidence.push({ modes: group ? group.modes : [entity.id], negated: context.negated.has(i), role: remark ? undefined : role, rank: context.pieceRanks[i] ?? 1, pieces: [i], how: 'named', group: Boolean(group) });
      context.claim(i, 'a mode');
      if (role && context.free(previous)) context.claim(previous, `a change ${role}`);
    });
    for (const rank of [...new Set(context.facts.map((f) => f.rank))]) {
      const facts = context.facts.filter((f) => f.rank === rank);
      const where = whereOf(facts);
      const described = modesOf(where, knowledge);
      // Contradicting facts, or a deployment the product has no mode for: ask which mode is meant.
      if (where === 'conflict' || !described) {
        query.reason = 'conflicting-modes';
        // "half our staff are permanently remote, the other half never leave the office": the modes each fact tells.
        const told = facts.flatMap((f) => modesOf(whereOf([f]), knowledge) ?? []);
        const candidates = told.length > 1 ? told : Object.values(knowledge.vocabulary.deployments ?? {}).filter((m): m is string => Boolean(m));
        const components = query.components.map((x) => x.id);
        query.readings = [...new Set(candidates)].map((m) => ({ kind: components.length > 1 ? ('pair' as const) : components.length ? ('component' as const) : ('mode' as const), components, modes: [m] }));
      }
      if (described) evidence.push({ modes: described, negated: false, rank, pieces: facts.map((f) => f.piece), how: 'described', group: false });
      context.trace(() => [`at time ${rank} the endpoints are ${where}: ${described?.join(', ') ?? 'no mode'}`, facts.map((f) => f.piece)]);
    }

    // A change asked about, not one told beside the question ("we moved everyone to exclusive BOI last month"),
    // nor an event named as a thing ("we are planning the migration").
    const event = (i: number) => context.has(i, 'diffEvent') && context.has(i - 1, 'determiner');
    const diffAsked = pieces.some((_, i) => context.has(i, 'diff') && context.spoken(i) && context.questionClause(clauseOf[i]) && !event(i));
    const span = (e: Evidence[]) => (e.length ? context.span(Math.min(...e.flatMap((x) => x.pieces)), Math.max(...e.flatMap((x) => x.pieces))) : undefined);
    // A mode named by one piece keeps that piece's words (and whether they were a typo).
    const ref = (id: string, e: Evidence[]) => {
      const own = e.filter((x) => x.modes.includes(id));
      const pieceOf = own.length === 1 && own[0].pieces.length === 1 ? own[0].pieces[0] : undefined;
      return { id, ...(pieceOf !== undefined ? context.ref(pieceOf) : span(own.length ? own : e) ? { span: span(own.length ? own : e)! } : {}) };
    };
    // "what changes if we move to exclusive BOI?": the role stays, for the question that completes it.
    const roleOf = (id: string) => {
      const role = evidence.find((e) => e.how === 'named' && e.role && e.modes[0] === id)?.role;
      return role ? { role } : {};
    };

    // "from non-BOI to exclusive BOI", "what changes compared to non-BOI": a change between named modes.
    const named = evidence.filter((e) => e.how === 'named' && !e.negated && !e.group);
    const namedModes = [...new Set(named.map((e) => e.modes[0]))];
    if ((diffAsked || named.some((e) => e.role)) && namedModes.length >= 2) {
      if (namedModes.length > 2) {
        query.modes = namedModes.map((id) => ({ id, how: 'named' as const, ...roleOf(id) }));
        query.ask = 'change';
        return;
      }
      const to = named.find((e) => e.role === 'to')?.modes[0];
      const from = named.find((e) => e.role === 'from')?.modes[0] ?? namedModes.find((m) => m !== to)!;
      const target = namedModes.find((m) => m !== from)!;
      query.change = { from: ref(from, named.filter((e) => e.modes[0] === from)), to: ref(target, named.filter((e) => e.modes[0] === target)) };
      query.ask = 'change';
      context.trace(() => [`a change from ${from} to ${target}`]);
      return;
    }

    // A deployment that changes over time: the first time's mode against the last one's.
    const ranks = [...new Set(evidence.map((e) => e.rank))].sort();
    if (ranks.length >= 2) {
      // "We were non-BOI until 2022, went hybrid last year, ...": with nothing said of now, the last
      // deployment told of the past still holds.
      const lastPast = Math.max(...evidence.filter((e) => e.rank === 0).map((e) => clauseOf[e.pieces[0]]));
      const now = evidence.some((e) => e.rank === 1) ? evidence.filter((e) => e.rank === 1) : evidence.filter((e) => e.rank === 0 && clauseOf[e.pieces[0]] === lastPast);
      const fromNow = now.length > 0 && context.clauses.some((_, c) => context.questionClause(c) && context.indicesOf(c).some((i) => context.has(i, 'present')));
      const first = combine(fromNow ? now : evidence.filter((e) => e.rank === ranks[0]), all);
      const last = combine(evidence.filter((e) => e.rank === ranks[ranks.length - 1]), all);
      // "we used to be all remote; now we're mostly in the office": what changed cannot be what it became.
      if (first.modes.length === 2 && last.modes.length === 1 && first.modes.includes(last.modes[0])) first.modes = first.modes.filter((m) => m !== last.modes[0]);
      if (last.modes.length === 2 && first.modes.length === 1 && last.modes.includes(first.modes[0])) last.modes = last.modes.filter((m) => m !== first.modes[0]);
      const selects = query.components.length + query.ports.length + query.services.length + query.transports.length > 0;
      // "... next year: which ports will the SQL Server need?": the later deployment; "... but for now
      // what does the admin server need?": the present one.
      const asksLater = context.clauses.some((_, c) => context.ranks[c] === 2 && context.indicesOf(c).some((i) => context.has(i, 'wh') || context.has(i, 'rulesHead') || context.has(i, 'checkWord')));
      // "During COVID we were exclusive BOI; now everyone is back in the office. What does the IO server need?":
      // with nothing told of later, the question asks of now.
      const noLater = !evidence.some((e) => e.rank === 2);
      const asksNow = context.clauses.some((_, c) => context.ranks[c] === 1 && context.questionClause(c) && (noLater || context.indicesOf(c).some((i) => context.has(i, 'present'))));
      const frame = asksLater ? last : asksNow ? combine(now, all) : undefined;
      if (!diffAsked && selects && frame && !frame.conflict && frame.modes.length === 1) {
        query.modes = [{ id: frame.modes[0], how: 'described' }];
        context.trace(() => [`asks of the ${asksLater ? 'later' : 'present'} deployment: ${frame.modes[0]}`]);
        return;
      }
      if (!first.conflict && !last.conflict && first.modes.length === 1 && last.modes.length === 1 && first.modes[0] !== last.modes[0]) {
        const change = { from: ref(first.modes[0], fromNow ? now : evidence.filter((e) => e.rank === ranks[0])), to: ref(last.modes[0], evidence.filter((e) => e.rank === ranks[ranks.length - 1])) };
        context.trace(() => [`told over time: from ${change.from.id} to ${change.to.id}`]);
        if (diffAsked || !selects) {
          query.change = change;
          query.ask = 'change';
          return;
        }
        query.reason = 'vague-change';
        query.readings = [
          { kind: 'diff', components: query.components.map((c) => c.id), modes: [change.from.id, change.to.id] },
          { kind: query.components.length > 1 ? 'pair' : query.components.length ? 'component' : 'mode', components: query.components.map((c) => c.id), modes: [change.to.id] },
        ];
        return;
      }
    }

    const overall = combine(evidence, all);
    if (overall.conflict && !query.reason) {
      query.reason = 'conflicting-modes';
      query.readings = overall.modes.map((m) => ({ kind: 'mode' as const, components: query.components.map((c) => c.id), modes: [m] }));
    }
    // "what changes if our laptops start working from home some days?": before, they did not.
    const started = context.facts.find((f) => context.indicesOf(f.clause).some((i) => i < f.piece && context.has(i, 'inchoative')));
    if (diffAsked && started && overall.modes.length === 1 && knowledge.vocabulary.deployments) {
      const before = started.place === 'outside' ? knowledge.vocabulary.deployments.inside : knowledge.vocabulary.deployments.outside;
      if (before !== overall.modes[0]) {
        query.change = { from: { id: before }, to: ref(overall.modes[0], evidence) };
        query.ask = 'change';
        context.trace(() => [`a change that starts: before it, ${before}`]);
        return;
      }
    }
    query.modes = overall.modes.map((id) => ({ ...(overall.how === 'all' ? { id } : ref(id, evidence.filter((e) => !e.negated))), how: overall.how, ...roleOf(id) }));
    if (diffAsked) query.ask = 'change';
  },
};
