import type { ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';

/** The first piece of a clause that carries words: past greetings, ticket ids, "quick question:" and "in exclusive BOI". */
function opening(context: ReadingContext, clause: number): number {
  for (const i of context.indicesOf(clause)) {
    const piece = context.pieces[i];
    if (piece.kind === 'punct' || !context.spoken(i) || context.has(i, 'opener') || context.has(i, 'greeting') || context.has(i, 'chatter')) continue;
    // "in exclusive BOI do the DLO clients go straight to the SQL server?"
    if ((context.has(i, 'preposition') && context.namesMode(i + 1)) || (context.namesMode(i) && context.has(i - 1, 'preposition'))) continue;
    return i;
  }
  return -1;
}

/**
 * A yes/no question: one that opens with "is", "does", "can I" (not "can you"), says "safe to",
 * "any chance", "is there still a need for", opens with "any" and ends with "?", or ends with a
 * tag such as ", right?". Asked the other way round ("can I close 1434?") it is still "is it needed?".
 */
export const yesNo: Refiner = {
  name: 'yes/no',
  refine(context) {
    const { pieces, query } = context;
    const last = pieces.length - 1;
    const endsWithQuestionMark = pieces[last]?.words === '?';
    const lists = pieces.some((_, i) => (context.has(i, 'listStart') || context.has(i, 'everything')) && context.spoken(i) && !context.has(i, 'checkStart'));
    let asked = -1;
    context.clauses.forEach((_, c) => {
      const first = opening(context, c);
      // "... but are mostly on the office LAN?": a clause that goes on from another does not open a question.
      // "(folks are in the office most days)": a remark in brackets asks nothing.
      if (first < 0 || asked >= 0 || context.has(context.clauses[c].from, 'clauseOpener') || !context.questionClause(c)) return;
      if (context.has(first, 'checkStart') && !context.has(first + 1, 'requestAfterCheck')) asked = first;
      else if (context.has(first, 'anyOpener') && endsWithQuestionMark && !lists) asked = first;
    });
    // "safe to block", "any chance", "is there still a need for" - but not in "which rules are there ...".
    const opensWithWh = (c: number) => context.has(opening(context, c), 'wh') || context.has(opening(context, c), 'listStart');
    if (asked < 0) asked = pieces.findIndex((_, i) => context.has(i, 'yesNo') && context.spoken(i) && !opensWithWh(context.clauseOf[i]));
    // "we can kill the push install ports in exclusive BOI, right?"
    const tag = endsWithQuestionMark ? last - 1 : last;
    if (asked < 0 && context.has(tag, 'tagQuestion') && pieces[tag - 1]?.words === ',') asked = tag;
    // "- ok for us?", "safe?": a short question of its own after a statement.
    if (asked < 0)
      context.clauses.forEach((_, c) => {
        const first = opening(context, c);
        if (asked < 0 && first >= 0 && context.has(first, 'tagQuestion') && context.questionClause(c) && context.indicesOf(c).length <= 4) asked = first;
      });
    // "8443 required for clients in exclusive BOI?", "Need 443 inbound on the edge? we're exclusive.": a port
    // and "required" in a sentence that ends in "?" with no question word.
    const listsOrAsksWh = pieces.some((_, i) => (context.has(i, 'wh') || context.has(i, 'listStart')) && context.spoken(i));
    const endsInQuestionMark = (i: number) => pieces.slice(i).find((p) => p.kind === 'punct' && p.words !== ',')?.words === '?';
    if (asked < 0 && !listsOrAsksWh && query.ports.length) asked = pieces.findIndex((_, i) => context.has(i, 'checkWord') && context.spoken(i) && endsInQuestionMark(i));
    if (asked < 0) return;
    if (query.ask !== 'change') query.ask = 'check';
    query.reversed = pieces.some((_, i) => context.has(i, 'closeWord') && context.spoken(i) && !context.negated.has(i));
    context.claim(asked, 'a yes/no question');
    context.trace(() => [`yes/no${query.reversed ? ', asked the other way round' : ''}`, [asked]]);
  },
};
