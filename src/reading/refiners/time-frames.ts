import { AFTER, BEFORE, NOW } from '../reading-context';
import type { Refiner } from '../refiner';
import { afterColon, clauseMarkers, hasVerb, labelledClauses } from '../time-markers';

/**
 * A change told over time ("today everyone is in the office; next quarter people will work from
 * home some days"): each clause gets a time, 0 before, 1 now, 2 after, from its own clauseMarkers, from a
 * marker that stands alone before it ("Starting next quarter, ..."), from the clause it goes on
 * from, from the order of date labels ("Q2: ... Q3: ..."), or now.
 */
export const timeFrames: Refiner = {
  name: 'time frames',
  refine(context) {
    const { clauses, facts } = context;
    let pending: number | undefined;
    context.ranks = [];
    const marked = clauseMarkers(context);
    clauses.forEach((clause, c) => {
      const own = marked[c][0]?.rank;
      const inClause = facts.filter((f) => f.clause === c);
      // "our travelling staff": a place that only describes a noun says nothing of when; "Starting next
      // quarter," says it of what follows; "which ports will the SQL Server need?" asks of that time, and
      // "during COVID we were exclusive BOI" says it of its mode.
      const names = context.indicesOf(c).some((i) => context.entities[i]);
      const attributive = inClause.length ? inClause.every((f) => context.has(f.piece + 1, 'endpoint')) : !context.questionClause(c) && !names;
      let rank: number;
      // "Starting next quarter," or "After the merger our travelling staff, ...": the time is the main verb's, later on.
      const deferred = own !== undefined && own !== NOW && attributive;
      if (deferred) {
        context.deferredClauses.add(c);
        (pending = own), (rank = NOW);
      }
      else if (clause.relative) rank = own ?? NOW;
      // "we used to be hybrid (home now and then)", "they'll be in them part of the week, on the road the
      // rest", "Plan: everyone back in the office, no remote work": a bracket, a clause with no verb, or a
      // statement that goes on speaks of the time of the clause it goes on from.
      // "From Q3 we go hybrid: people at home two days a week": what follows a colon explains what comes before it.
      else if (own === undefined && c > 0 && (clause.bracket || (afterColon(context, c) && pending === undefined) || ((!hasVerb(context, c) || !context.questionClause(c)) && clauses[c - 1].sentence === clause.sentence))) {
        // "Closing the London office in March, everybody goes fully remote": a time said before is this one's.
        rank = pending ?? context.ranks[c - 1];
        if (inClause.length) pending = undefined;
      }
      else {
        rank = own ?? pending ?? NOW;
        if (own !== undefined || inClause.length) pending = undefined;
      }
      context.ranks.push(rank);
    });
    // "Q2: every desktop is on the LAN. Q3: the whole team goes remote.": sentences labelled with
    // dates, and no other time said, follow one another: the first before, the others after.
    const labelled = labelledClauses(context);
    if (labelled.size >= 2 && [...labelled.keys()].every((c) => !marked[c].length)) {
      const labels = [...new Set(labelled.values())];
      for (const [c, label] of labelled) context.ranks[c] = label === labels[0] ? BEFORE : AFTER;
    }
    if (context.ranks.some((r) => r !== NOW)) context.trace(() => [`clause times: ${context.ranks.join(', ')}`]);
  },
};
