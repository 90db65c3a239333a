import { indexRange } from '../index-range';
import { AFTER, BEFORE, NOW } from '../reading-context';
import type { Refiner } from '../refiner';
import { aDate, clauseMarkers, nameFollows, nextWord } from '../time-markers';

/**
 * Times within a clause: "we were office-only and soon we'll be remote-only", "we're on occasional
 * BOI today and dropping BOI next month" (each part joined by "and" has its own), and "going from
 * some days at home to never in the office" (before "to", and after it). Each fact takes its time.
 */
export const timesWithinClauses: Refiner = {
  name: 'times within clauses',
  refine(context) {
    const { clauses, facts } = context;
    const marked = clauseMarkers(context);
    // "we were office-only and soon we'll be remote-only", "we're on occasional BOI today and dropping BOI
    // next month": within a clause, each part joined by "and" has its own time.
    context.pieceRanks = context.pieces.map((_, i) => context.ranks[context.clauseOf[i]] ?? NOW);
    clauses.forEach((_, c) => {
      const indices = context.indicesOf(c);
      if (context.deferredClauses.has(c) || !marked[c].length) return;
      const joins = indices.filter((i) => context.has(i, 'conjunction') && context.spoken(i));
      if (!joins.length) return;
      const partOf = (i: number) => joins.filter((j) => j <= i).length;
      for (const i of indices) {
        const inPart = marked[c].filter((m) => partOf(m.piece) === partOf(i));
        // The marker before the piece in its part, else the part's first, else the last one before the
        // part; a part before any marker is now ("we're on occasional BOI and want to drop it").
        const marker = inPart.filter((m) => m.piece <= i).pop() ?? inPart[0] ?? marked[c].filter((m) => m.piece < i).pop();
        context.pieceRanks[i] = marker?.rank ?? NOW;
      }
    });
    for (const fact of facts) fact.rank = context.pieceRanks[fact.piece];
    // Without a place said (a fact), no clause has a change from one to another.
    if (!facts.length) return;
    // "going from some days at home to never in the office": within one clause, before "to" and after it;
    // "from hybrid (some days in the office) to fully remote": a bracket between them does not end it.
    // The first clause from each one on that is not a bracket: found once, not by a walk from every clause.
    const unbracketed: number[] = [];
    for (let k = clauses.length; k >= 0; k--) unbracketed[k] = clauses[k]?.bracket ? unbracketed[k + 1] : k;
    context.clauses.forEach((_, c) => {
      const k = unbracketed[c + 1];
      const span = k > c + 1 && clauses[k] && context.has(clauses[k].from, 'to') ? indexRange(c, k + 1) : [c];
      const indices = span.flatMap((x) => context.indicesOf(x));
      const inClause = facts.filter((f) => span.includes(f.clause));
      const from = indices.find((i) => context.has(i, 'from') && !aDate(context, i + 1) && !nameFollows(context, i));
      if (from === undefined || !inClause.some((f) => f.piece > from)) return;
      // "from on-prem only to occasional BOI": what follows "to" may be a mode's name.
      const to = indices.find((i) => i > from && context.has(i, 'to') && (inClause.some((f) => f.piece > i) || indices.some((k) => k > i && context.namesMode(k))));
      const between = inClause.filter((f) => f.piece > from && (to === undefined || f.piece < to));
      // "working from home" says where, not since when: a change needs a "to", or no place right after "from".
      const placeRightAfter = between.some((f) => f.piece === nextWord(context, from));
      if (to === undefined && placeRightAfter) return;
      for (const f of between) f.rank = BEFORE;
      if (to !== undefined) for (const f of inClause.filter((x) => x.piece > to)) f.rank = AFTER;
      context.claim(from, 'a change from');
      if (to !== undefined) context.claim(to, 'a change to');
    });
    if (new Set(facts.map((f) => f.rank)).size > 1) context.trace(() => [`told over time: ${facts.map((f) => `${f.place}@${f.rank}`).join(', ')}`, facts.map((f) => f.piece)]);
  },
};
