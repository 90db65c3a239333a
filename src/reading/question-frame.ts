import type { WordClass } from '../knowledge/schema';
import type { ReadingContext } from './reading-context';

/** Words of what the matrix answers: ports, rules, flows, needing, connecting, closing, changing. */
const MATRIX: readonly WordClass[] = [
  'rulesHead', 'matrixVerb', 'sourceVerb', 'destinationVerb', 'closeWord', 'checkWord', 'explain', 'diff', 'topic', 'to', 'from', 'inbound', 'outbound',
  'everything', 'modesTopic', 'allModes', 'added', 'removed', 'yesNo', 'howVerb', 'listStart',
];
const STOPS: readonly WordClass[] = ['preposition', 'auxiliary', 'conjunction', 'clauseOpener', 'relative', 'wh'];
const SUBJECT: readonly WordClass[] = ['determiner', 'pronoun', 'reference', 'endpoint', 'plainModifier', 'adverb', 'neutral', 'some', 'headNoun'];
/** Words that end a verb phrase without being its verb ("is the edge server in the DMZ?"). */
export const STRUCTURE: readonly WordClass[] = ['preposition', 'conjunction', 'wh', 'relative', 'clauseOpener', 'determiner', 'pronoun', 'tagQuestion'];

export const matrixish = (context: ReadingContext, i: number) =>
  Boolean(context.entities[i] || context.pieces[i].info?.format) || context.claimed[i]?.endsWith('port') === true || MATRIX.some((c) => context.has(i, c));
export const isClass = (context: ReadingContext, i: number, classes: readonly WordClass[]) => classes.some((c) => context.has(i, c));
export const leftoverWord = (context: ReadingContext, i: number) => context.pieces[i]?.kind === 'word' && context.free(i);

/** The next piece at or after i that carries words (not punctuation, not set aside, no "hey" or "quick question"). */
export function next(context: ReadingContext, i: number, end: number, skipOpeners = false): number {
  for (let j = i; j < end; j++) {
    if (context.pieces[j].kind === 'punct' || !context.spoken(j) || context.claimed[j]?.startsWith('negation')) continue;
    if (skipOpeners && (context.has(j, 'opener') || context.has(j, 'greeting') || context.has(j, 'chatter')) && !context.has(j, 'wh') && !context.has(j, 'checkStart')) continue;
    return j;
  }
  return -1;
}

/** The noun phrase from i: its pieces up to a preposition, a verb or the clause's end. */
export function nounPhrase(context: ReadingContext, i: number, end: number): number[] {
  const phrase: number[] = [];
  for (let j = i; j >= 0 && j < end; j++) {
    if (context.pieces[j].kind === 'punct') break;
    if (!context.spoken(j)) continue;
    if (phrase.length && isClass(context, j, STOPS)) break;
    if (!phrase.length && context.has(j, 'auxiliary')) break;
    phrase.push(j);
  }
  return phrase;
}

/** The main verb after an auxiliary and its subject ("what does [the edge server] need"). */
export function mainVerb(context: ReadingContext, i: number, end: number): number {
  let subject = false;
  for (let j = i; j >= 0 && j < end; j++) {
    if (context.pieces[j].kind === 'punct' || !context.spoken(j)) continue;
    // "how does the edge server talk...": an auxiliary before the subject is not the verb.
    if (!subject && context.has(j, 'auxiliary')) continue;
    // "isn't it the case that...", "can't we just not open...": a negation is no verb.
    if (context.has(j, 'negator')) continue;
    subject = true;
    const described = ['deployment facts', 'frequencies'].some((by) => context.claimed[j]?.startsWith(by));
    if (context.entities[j] || context.pieces[j].info?.product || described || (isClass(context, j, SUBJECT) && !matrixish(context, j))) continue;
    // "a DLO licence cost": the first of two unknown words is the subject's.
    if (leftoverWord(context, j) && leftoverWord(context, j + 1)) continue;
    if (context.has(j, 'rulesHead') && !context.has(j, 'matrixVerb') && context.pieces[j + 1] && !isClass(context, j + 1, STOPS)) continue;
    return j;
  }
  return -1;
}

/** The first mark after the clause's words is a "?". */
export function endsInQuestionMark(context: ReadingContext, c: number): boolean {
  return context.pieces.slice(context.clauses[c].to).find((p) => p.kind === 'punct')?.words === '?';
}

/** Records what the question asks that the matrix does not hold (the first such span), with why. */
export function offMatrix(context: ReadingContext, from: number, to = from, why = 'not in the matrix'): void {
  if (context.query.topic) return;
  context.query.topic = context.span(from, to);
  context.trace(() => [`asks for something the matrix does not hold (${why})`, [from, to]]);
}
