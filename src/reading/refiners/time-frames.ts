import { AFTER, BEFORE, NOW, type ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';

/** Whether piece i is a date or time set aside ("Q3", "March"). */
const aDate = (context: ReadingContext, i: number) => context.claimed[i] !== undefined && !context.spoken(i);

/** "once we move to BOI" tells of a change to come; "once they're back at HQ" of what happens each time. */
const changes = (context: ReadingContext, c: number) =>
  context.indicesOf(c).some((i) => context.has(i, 'diff') || context.has(i, 'inchoative') || (context.has(i, 'future') && !context.has(i, 'clauseOpener')));

/** The time markers of a clause ("used to", "today", "next quarter", "will", "from Q3"), with where each stands. */
function markers(context: ReadingContext, c: number): { piece: number; rank: number }[] {
  const found: { piece: number; rank: number }[] = [];
  for (const i of context.indicesOf(c)) {
    if (aDate(context, i)) continue;
    if (context.has(i, 'from') && aDate(context, i + 1)) found.push({ piece: i, rank: AFTER });
    else if (context.has(i, 'past')) found.push({ piece: i, rank: BEFORE });
    else if (context.has(i, 'future') && !(context.has(i, 'clauseOpener') && !changes(context, c))) found.push({ piece: i, rank: AFTER });
    else if (context.has(i, 'present')) found.push({ piece: i, rank: NOW });
  }
  return found;
}

/** The clauses each date label ("Q2:", "March:") heads, up to the next label, with the label's clause. */
function labelledClauses(context: ReadingContext): Map<number, number> {
  const { clauses, pieces } = context;
  const labelled = new Map<number, number>();
  let label: number | undefined;
  clauses.forEach((clause, c) => {
    const words = context.indicesOf(c).filter((i) => pieces[i].kind !== 'punct');
    if (words.length && words.every((i) => aDate(context, i)) && pieces[clause.to]?.words === ':') label = c;
    else if (label !== undefined && !context.questionClause(c)) labelled.set(c, label);
    else label = undefined;
  });
  return labelled;
}

/** Whether clause c follows a colon, and is a statement. */
const afterColon = (context: ReadingContext, c: number) => context.pieces[context.clauses[c].from - 1]?.words === ':' && !context.questionClause(c);

/** The next piece after i that is not a determiner. */
function nextWord(context: ReadingContext, i: number): number {
  let next = i + 1;
  while (context.has(next, 'determiner')) next++;
  return next;
}

/** "from the edge server": "from" before a component is an end of a flow, not the start of a change. */
const nameFollows = (context: ReadingContext, i: number) => context.entities[nextWord(context, i)]?.kind === 'component';

const hasVerb = (context: ReadingContext, c: number) =>
  context.indicesOf(c).some((i) => (context.has(i, 'verb') || context.has(i, 'auxiliary')) && !context.facts.some((f) => f.piece === i));

/**
 * A change told over time ("today everyone is in the office; next quarter people will work from
 * home some days"): each clause gets a time, 0 before, 1 now, 2 after, from its own markers, from a
 * marker that stands alone before it ("Starting next quarter, ..."), or now. Within one clause,
 * "from X to Y" puts X before and Y after ("moving from an office setup to internet-only").
 */
export const timeFrames: Refiner = {
  name: 'time frames',
  refine(context) {
    const { clauses, facts } = context;
    let pending: number | undefined;
    context.ranks = [];
    const marked = clauses.map((_, c) => markers(context, c));
    const deferred: boolean[] = [];
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
      deferred[c] = own !== undefined && own !== NOW && attributive;
      if (deferred[c]) (pending = own), (rank = NOW);
      else if (clause.relative) rank = own ?? NOW;
      // "we used to be hybrid (home now and then)", "they'll be in them part of the week, on the road the
      // rest", "Plan: everyone back in the office, no remote work": a bracket, a clause with no verb, or a
      // statement that goes on speaks of the time of the clause it goes on from.
      // "From Q3 we go hybrid: people at home two days a week": what follows a colon explains what comes before it.
      else if (own === undefined && c > 0 && (clause.bracket || (afterColon(context, c) && pending === undefined) || ((!hasVerb(context, c) || !context.questionClause(c)) && clauses[c - 1].sentence === clause.sentence))) rank = context.ranks[c - 1];
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
    // "we were office-only and soon we'll be remote-only", "we're on occasional BOI today and dropping BOI
    // next month": within a clause, each part joined by "and" has its own time.
    context.pieceRanks = context.pieces.map((_, i) => context.ranks[context.clauseOf[i]] ?? NOW);
    clauses.forEach((_, c) => {
      const indices = context.indicesOf(c);
      const joins = indices.filter((i) => context.has(i, 'conjunction') && context.spoken(i));
      if (deferred[c] || !joins.length || !marked[c].length) return;
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
    // "going from some days at home to never in the office": within one clause, before "to" and after it;
    // "from hybrid (some days in the office) to fully remote": a bracket between them does not end it.
    context.clauses.forEach((_, c) => {
      const span = [c];
      let k = c + 1;
      while (clauses[k]?.bracket) span.push(k++);
      if (span.length > 1 && clauses[k] && context.has(clauses[k].from, 'to')) span.push(k);
      else span.splice(1);
      const indices = span.flatMap((x) => context.indicesOf(x));
      const inClause = facts.filter((f) => span.includes(f.clause));
      const from = indices.find((i) => context.has(i, 'from') && !aDate(context, i + 1) && !nameFollows(context, i));
      if (from === undefined || !inClause.some((f) => f.piece > from)) return;
      // "from on-prem only to occasional BOI": what follows "to" may be a mode's name.
      const to = indices.find((i) => i > from && context.has(i, 'to') && (inClause.some((f) => f.piece > i) || indices.some((k) => k > i && (context.entities[k]?.kind === 'mode' || context.entities[k]?.kind === 'modeGroup'))));
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
