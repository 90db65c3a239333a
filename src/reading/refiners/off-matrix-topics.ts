import type { WordClass } from '../../knowledge/schema';
import { endsInQuestionMark, mainVerb, next, offMatrix } from '../question-frame';
import type { Refiner } from '../refiner';

// What may follow "how do I ..." in a question the matrix answers: "open", "reach", "close", "define".
const ANSWERABLE_HOW: readonly WordClass[] = ['howVerb', 'sourceVerb', 'destinationVerb', 'closeWord', 'rulesHead', 'explain'];

/**
 * Topics of their own the matrix does not hold, whatever component they name: "bandwidth",
 * "retention", "install steps"; measures ("how long does a backup take", "how many clients");
 * "how do I configure ..." (but "how do I open ...", "how does the client reach ..." it answers).
 */
export const offMatrixTopics: Refiner = {
  name: 'off-matrix topics',
  refine(context) {
    const { pieces, clauses } = context;
    const anyAsks = clauses.some((_, c) => context.asks(c));
    clauses.forEach((clause, c) => {
      if (!context.questionClause(c)) return;
      const end = clause.to;
      for (const i of context.indicesOf(c)) {
        if (!context.spoken(i)) continue;
        // "Retention is 90 days, unrelated, but what's the IO Server's HTTP port?": a topic in a clause
        // that asks or ends the question ("how many clients can one IO server handle?"), or in any
        // clause of a question that has no asking words ("install steps for the maintenance server pls").
        if (context.has(i, 'offMatrix') && context.free(i) && (context.asks(c) || endsInQuestionMark(context, c) || !anyAsks)) offMatrix(context, i, i, 'a topic of its own');
        if (context.has(i, 'measure')) {
          const k = next(context, i + 1, end);
          if (k < 0 || !(context.has(k, 'rulesHead') || pieces[k].kind === 'number')) offMatrix(context, i, Math.max(i, k), 'a measure');
        }
        if (context.has(i, 'howTo') && !context.has(i, 'measure')) {
          // "how do I push ...": with the subject inside the phrase, the next word is the verb.
          const verb = pieces[i].words.includes(' ') ? next(context, i + 1, end) : mainVerb(context, i + 1, end);
          if (!(verb >= 0 && ANSWERABLE_HOW.some((k) => context.has(verb, k)))) offMatrix(context, i, Math.max(i, verb), 'how to do something');
          // "how do I open port 443 in Windows Defender Firewall?": how to configure a tool.
          const tool = context.indicesOf(c).find((k) => context.has(k, 'configTool'));
          if (tool !== undefined) offMatrix(context, i, tool, 'how to configure a tool');
        }
      }
    });
  },
};
