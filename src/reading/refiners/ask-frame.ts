import type { WordClass } from '../../knowledge/schema';
import type { ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';

/** Words of what the matrix answers: ports, rules, flows, needing, connecting, closing, changing. */
const MATRIX: readonly WordClass[] = [
  'rulesHead', 'matrixVerb', 'sourceVerb', 'destinationVerb', 'closeWord', 'checkWord', 'explain', 'diff', 'topic', 'to', 'from', 'inbound', 'outbound',
  'everything', 'modesTopic', 'allModes', 'added', 'removed', 'yesNo', 'howVerb', 'listStart',
];
const STOPS: readonly WordClass[] = ['preposition', 'auxiliary', 'conjunction', 'clauseOpener', 'relative', 'wh'];
const SUBJECT: readonly WordClass[] = ['determiner', 'pronoun', 'reference', 'endpoint', 'plainModifier', 'adverb', 'neutral', 'some', 'headNoun'];
/** Words that end a verb phrase without being its verb ("is the edge server in the DMZ?"). */
const STRUCTURE: readonly WordClass[] = ['preposition', 'conjunction', 'wh', 'relative', 'clauseOpener', 'determiner', 'pronoun', 'tagQuestion'];

const matrixish = (context: ReadingContext, i: number) =>
  Boolean(context.entities[i] || context.pieces[i].info?.format) || context.claimed[i]?.endsWith('port') === true || MATRIX.some((c) => context.has(i, c));
const isClass = (context: ReadingContext, i: number, classes: readonly WordClass[]) => classes.some((c) => context.has(i, c));
const leftoverWord = (context: ReadingContext, i: number) => context.pieces[i]?.kind === 'word' && context.free(i);

/** The next piece at or after i that carries words (not punctuation, not set aside, no "hey" or "quick question"). */
function next(context: ReadingContext, i: number, end: number, skipOpeners = false): number {
  for (let j = i; j < end; j++) {
    if (context.pieces[j].kind === 'punct' || !context.spoken(j) || context.claimed[j]?.startsWith('negation')) continue;
    if (skipOpeners && (context.has(j, 'opener') || context.has(j, 'greeting') || context.has(j, 'chatter')) && !context.has(j, 'wh') && !context.has(j, 'checkStart')) continue;
    return j;
  }
  return -1;
}

/** The noun phrase from i: its pieces up to a preposition, a verb or the clause's end. */
function nounPhrase(context: ReadingContext, i: number, end: number): number[] {
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
function mainVerb(context: ReadingContext, i: number, end: number): number {
  let subject = false;
  for (let j = i; j >= 0 && j < end; j++) {
    if (context.pieces[j].kind === 'punct' || !context.spoken(j)) continue;
    // "how does the edge server talk...": an auxiliary before the subject is not the verb.
    if (!subject && context.has(j, 'auxiliary')) continue;
    // "isn't it the case that...", "can't we just not open...": a negation is no verb.
    if (context.has(j, 'negator')) continue;
    subject = true;
    const described = context.claimed[j]?.startsWith('deployment facts') === true;
    if (context.entities[j] || context.pieces[j].info?.product || described || (isClass(context, j, SUBJECT) && !matrixish(context, j))) continue;
    // "a DLO licence cost": the first of two unknown words is the subject's.
    if (leftoverWord(context, j) && leftoverWord(context, j + 1)) continue;
    if (context.has(j, 'rulesHead') && !context.has(j, 'matrixVerb') && context.pieces[j + 1] && !isClass(context, j + 1, STOPS)) continue;
    return j;
  }
  return -1;
}

/** The first mark after the clause's words is a "?". */
function endsInQuestionMark(context: ReadingContext, c: number): boolean {
  return context.pieces.slice(context.clauses[c].to).find((p) => p.kind === 'punct')?.words === '?';
}

/**
 * What the question asks for, and whether the matrix holds it. The matrix answers which ports,
 * rules and flows a component needs: "which SQL Server versions...", "how do I configure...",
 * "how long does a backup take", "what does a licence cost", "where does it write its logs" ask
 * for something else, whatever component they name, and are answered "I don't know".
 */
export const askFrame: Refiner = {
  name: 'ask frame',
  refine(context) {
    const { pieces, query, clauses } = context;
    const offMatrix = (from: number, to = from, why = 'not in the matrix') => {
      if (query.topic) return;
      query.topic = context.span(from, to);
      context.trace(() => [`asks for something the matrix does not hold (${why})`, [from, to]]);
    };
    const anyQuestion = clauses.some((_, c) => context.questionClause(c));
    const anyAsks = clauses.some((_, c) => context.asks(c));
    clauses.forEach((clause, c) => {
      const question = context.questionClause(c);
      if (!question && !context.asks(c)) return;
      const end = clause.to;
      for (const i of context.indicesOf(c)) {
        if (!context.spoken(i) || !question) continue;
        // "Retention is 90 days, unrelated, but what's the IO Server's HTTP port?": a topic in a clause
        // that asks or ends the question ("how many clients can one IO server handle?"), or in any
        // clause of a question that has no asking words ("install steps for the maintenance server pls").
        if (context.has(i, 'offMatrix') && context.free(i) && (context.asks(c) || endsInQuestionMark(context, c) || !anyAsks)) offMatrix(i, i, 'a topic of its own');
        if (context.has(i, 'measure')) {
          const k = next(context, i + 1, end);
          if (k < 0 || !(context.has(k, 'rulesHead') || pieces[k].kind === 'number')) offMatrix(i, Math.max(i, k), 'a measure');
        }
        if (context.has(i, 'howTo') && !context.has(i, 'measure')) {
          // "how do I push ...": with the subject inside the phrase, the next word is the verb.
          const subjectInside = context.pieces[i].words.includes(' ');
          const verb = subjectInside ? next(context, i + 1, end) : mainVerb(context, i + 1, end);
          // "how do I open...", "how does the client reach...", "how does the document define...".
          const answerable = verb >= 0 && ['howVerb', 'sourceVerb', 'destinationVerb', 'closeWord', 'rulesHead', 'explain'].some((k) => context.has(verb, k as WordClass));
          if (!answerable) offMatrix(i, Math.max(i, verb), 'how to do something');
        }
      }
      const first = next(context, clause.from, end, true);
      // "..., but are mostly on the office LAN?": a clause that goes on from another asks nothing of its
      // own; "firewall logs show drops on TCP 3999." states, when another clause asks; "..., writing up the
      // change request now" says what the asker is doing.
      if (first < 0 || query.topic || context.has(clause.from, 'clauseOpener') || (!question && anyQuestion) || (!context.asks(c) && anyAsks)) return;
      let phraseFrom = first;
      if (context.has(first, 'wh') || context.has(first, 'checkStart') || context.has(first, 'listStart')) {
        const after = next(context, first + 1, end);
        const copular = context.has(first, 'explain') || context.has(first, 'checkStart');
        if (after >= 0 && (context.has(after, 'auxiliary') || (copular && context.has(first, 'checkStart')))) {
          // "what does the admin server write", "can DLO clients run on macOS".
          const verb = mainVerb(context, context.has(after, 'auxiliary') ? after + 1 : after, end);
          if (verb >= 0 && !matrixish(context, verb) && !isClass(context, verb, STRUCTURE)) {
            // "what does the edge server do?" asks what it is for; "what does it do to reach..." does not.
            const following = next(context, verb + 1, end);
            if (!(context.has(verb, 'auxiliary') && following >= 0 && matrixish(context, following))) offMatrix(first, verb, 'a question about something else');
          }
          return;
        }
        phraseFrom = after;
      }
      // "the file share where the DLO backups land": a relative clause describes, it does not ask.
      if (phraseFrom < 0 || clause.relative) return;
      // A clause without a question word is read for its head only when it opens the question or ends in
      // "?" ("need the full rule list for non-BOI, raising the FW request tomorrow").
      const opensQuestion = clauses.findIndex((_, k) => context.saysSomething(k)) === c;
      if (phraseFrom === first && !opensQuestion && !endsInQuestionMark(context, c)) return;
      // "which SQL Server versions", "what's the default password", "what is the weather": the head of what is asked for.
      const phrase = nounPhrase(context, phraseFrom, end).filter((i) => !context.has(i, 'determiner') && !context.has(i, 'adverb') && !context.has(i, 'neutral'));
      const head = phrase[phrase.length - 1];
      if (head !== undefined && leftoverWord(context, head) && pieces[head].english) offMatrix(phraseFrom, head, 'a question about something else');
      // "what is the edge server?": the matrix defines its modes, not its components.
      if (phrase.length === 1 && context.has(first, 'explain') && context.entities[head]?.kind === 'component' && next(context, head + 1, end) < 0) offMatrix(first, head, 'what a component is');
    });

    query.asked = clauses.some((_, c) => context.asks(c)) || query.ask === 'check';
    query.reset = pieces.some((_, i) => context.has(i, 'reset') && context.spoken(i));
    query.everything = pieces.some((_, i) => context.has(i, 'everything') && context.spoken(i) && context.free(i));
    const selects = query.components.length + query.ports.length + query.services.length + query.protocols.length + query.transports.length + query.conditions.length > 0;
    const namesModes = query.modes.some((m) => m.how !== 'all');
    if (query.ask === 'change') return;
    // "what is exclusive BOI exactly? is it when nobody ever comes in?": a yes/no about a mode's meaning explains it.
    const explains = pieces.some((_, i) => context.has(i, 'explain') && context.spoken(i)) && !selects && !query.everything;
    // "what's required for BOI" asks for rules, not what BOI is.
    const asksRules = pieces.some((_, i) => (context.has(i, 'rulesHead') || context.has(i, 'checkWord')) && !context.has(i, 'explain') && context.spoken(i) && context.questionClause(context.clauseOf[i]));
    if (explains && (namesModes || pieces.some((_, i) => context.has(i, 'modesTopic'))) && !asksRules)
      query.ask = 'explain';
    else if (query.ask === 'check') return;
    else if (pieces.some((_, i) => context.has(i, 'help') && context.spoken(i)) && !selects && !namesModes && !query.everything) query.ask = 'help';
    else if (query.asked || selects || namesModes || query.everything || query.direction || query.format || query.exclusions.length) query.ask = 'rules';
    context.trace(() => [`asks for ${query.ask}`]);
  },
};
