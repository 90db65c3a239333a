import { selectorCount } from '../decide';
import type { Refiner } from '../refiner';

/**
 * What kind of answer the question asks for: an explanation of a mode ("what is exclusive BOI
 * exactly?", not "what's required for BOI"), help, or rules; whether it asks anything at all,
 * says "start over", or asks for everything ("the entire port list").
 */
export const askFrame: Refiner = {
  name: 'ask frame',
  refine(context) {
    const { pieces, query, clauses } = context;
    query.asked = clauses.some((_, c) => context.asks(c)) || query.ask === 'check';
    query.reset = pieces.some((_, i) => context.has(i, 'reset') && context.spoken(i));
    query.everything = pieces.some((_, i) => context.has(i, 'everything') && context.spoken(i) && context.free(i));
    const selects = selectorCount(query) > 0;
    const namesModes = query.modes.some((m) => m.how !== 'all');
    if (query.ask === 'change') return;
    // "what is exclusive BOI exactly? is it when nobody ever comes in?": a yes/no about a mode's meaning explains it.
    // "... Which DLO deployment type is that?": a question word that asks which mode, of a described deployment.
    const asksWhichMode = pieces.some((_, i) => context.has(i, 'modesTopic') && context.questionClause(context.clauseOf[i]) && context.indicesOf(context.clauseOf[i]).some((k) => k < i && context.has(k, 'wh')));
    const explains = pieces.some((_, i) => (context.has(i, 'explain') || asksWhichMode) && context.spoken(i)) && !selects && !query.everything;
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
