import { AFTER, BEFORE, NOW, type ReadingContext } from './reading-context';

/** Whether piece i is a date or time set aside ("Q3", "March"). */
export const aDate = (context: ReadingContext, i: number) => context.claimed[i] !== undefined && !context.spoken(i);

/** "once we move to BOI", "closing the office in March" tell of a change; "once they're back at HQ" of what happens each time. */
export const changes = (context: ReadingContext, c: number) =>
  context.indicesOf(c).some((i) => context.has(i, 'diff') || context.has(i, 'inchoative') || context.has(i, 'closeWord') || (context.has(i, 'future') && !context.has(i, 'clauseOpener')));

export type TimeMarker = { piece: number; rank: number };

/**
 * The time markers of every clause, by clause. Two refiners read them, and they depend on the
 * pieces and the claims only: found once, kept on the context while no claim is made.
 */
export function clauseMarkers(context: ReadingContext): TimeMarker[][] {
  const kept = context.timeMarkers;
  if (kept?.claims === context.claims) return kept.markers;
  const markers = context.clauses.map((_, c) => markersOf(context, c));
  context.timeMarkers = { claims: context.claims, markers };
  return markers;
}

/** The time markers of a clause ("used to", "today", "next quarter", "will", "from Q3"), with where each stands. */
function markersOf(context: ReadingContext, c: number): TimeMarker[] {
  const found: TimeMarker[] = [];
  const past = context.indicesOf(c).some((i) => context.has(i, 'past') && !aDate(context, i));
  for (const i of context.indicesOf(c)) {
    if (aDate(context, i)) continue;
    if (context.has(i, 'from') && aDate(context, i + 1)) found.push({ piece: i, rank: AFTER });
    // "Closing the London office in March, ...": a change in a month, told without a past tense, is to come.
    else if (context.has(i, 'yearBefore') && context.claimed[i + 1]?.endsWith('date') && !past && changes(context, c)) found.push({ piece: i, rank: AFTER });
    else if (context.has(i, 'past')) found.push({ piece: i, rank: BEFORE });
    else if (context.has(i, 'future') && !(context.has(i, 'clauseOpener') && !changes(context, c))) found.push({ piece: i, rank: AFTER });
    else if (context.has(i, 'present')) found.push({ piece: i, rank: NOW });
  }
  return found;
}

/** The clauses each date label ("Q2:", "March:") heads, up to the next label, with the label's clause. */
export function labelledClauses(context: ReadingContext): Map<number, number> {
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
export const afterColon = (context: ReadingContext, c: number) => context.pieces[context.clauses[c].from - 1]?.words === ':' && !context.questionClause(c);

/** The next piece after i that is not a determiner. */
export function nextWord(context: ReadingContext, i: number): number {
  let next = i + 1;
  while (context.has(next, 'determiner')) next++;
  return next;
}

/** "from the edge server": "from" before a component is an end of a flow, not the start of a change. */
export const nameFollows = (context: ReadingContext, i: number) => context.entities[nextWord(context, i)]?.kind === 'component';

export const hasVerb = (context: ReadingContext, c: number) =>
  context.indicesOf(c).some((i) => (context.has(i, 'verb') || context.has(i, 'auxiliary')) && !context.facts.some((f) => f.piece === i));

