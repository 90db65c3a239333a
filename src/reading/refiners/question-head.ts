import { isClass, leftoverWord, mainVerb, matrixish, endsInQuestionMark, next, nounPhrase, offMatrix, STRUCTURE } from '../question-frame';
import type { Refiner } from '../refiner';

/**
 * What the question asks for, by its head: "which SQL Server versions...", "what's the default
 * password", "what does the admin server write", "where does it write its logs" ask for something
 * the matrix does not hold, whatever component they name; "what is the edge server?" asks what a
 * component is, which the matrix does not define.
 */
export const questionHead: Refiner = {
  name: 'question head',
  refine(context) {
    const { pieces, query, clauses } = context;
    const anyQuestion = clauses.some((_, c) => context.questionClause(c));
    const anyAsks = clauses.some((_, c) => context.asks(c));
    clauses.forEach((clause, c) => {
      const question = context.questionClause(c);
      if (!question && !context.asks(c)) return;
      const end = clause.to;
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
            if (!(context.has(verb, 'auxiliary') && following >= 0 && matrixish(context, following))) offMatrix(context, first, verb, 'a question about something else');
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
      if (head !== undefined && leftoverWord(context, head) && pieces[head].english) offMatrix(context, phraseFrom, head, 'a question about something else');
      // "what is the edge server?": the matrix defines its modes, not its components.
      if (phrase.length === 1 && context.has(first, 'explain') && context.entities[head]?.kind === 'component' && next(context, head + 1, end) < 0) offMatrix(context, first, head, 'what a component is');
    });
  },
};
