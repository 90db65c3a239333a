import type { Answer } from './answer';
import { buildAnswer } from './answering/build-answer';
import { fill } from './answering/messages';
import { examples } from './answering/suggest';
import type { Catalog, Conversed, Engine } from './engine';
import type { Knowledge } from './knowledge/build';
import { toRule } from './knowledge/expand-flows';
import { contextOf, continuesConversation, mergeFollowUp, type ConversationContext } from './reading/follow-up';
import type { Query } from './reading/query';
import { readQuestion } from './reading/read-question';
import { Speller } from './reading/spell';
import { MAX_QUESTION_LENGTH } from './reading/tokenize';
import { renderText } from './render/text';

// "Did you mean": at most this many unknown words are looked up, whatever the question's length.
const MAX_LOOKUPS = 3;

/**
 * The query engine over one knowledge base. Each question is read into one Query (tokens, pieces,
 * clauses, then the refiners of src/reading/configuration.ts), and the Query is answered.
 */
export function createEngine(knowledge: Knowledge): Engine {
  const { words } = knowledge.language;
  // A three-letter typo is read only as a short word of the language ("wat", "teh", "knw"), never as a name.
  const smallWords = [...new Set(Object.values(words).flat())].filter((w) => !w.includes(' ') && w.length <= 5).sort((a, b) => a.length - b.length);
  const speller = new Speller(knowledge.phrases.words, knowledge.phrases.nameWords, smallWords);
  const { labels } = knowledge;
  const messages = knowledge.language.messages;
  // Object.assign onto the draft each answer owns, not a spread: on Node 20 `{ ...draft, text }` costs about 0.7 µs.
  const finish = (draft: Omit<Answer, 'text'>): Answer => Object.assign(draft, { text: renderText(draft, messages.text) });
  const catalog = {
    product: knowledge.matrix.product,
    version: knowledge.matrix.version,
    modes: knowledge.matrix.modes.map(({ id, name, definition }) => ({ id, name, definition })),
    components: knowledge.matrix.components.map(({ id, name }) => ({ id, name })),
    protocols: knowledge.matrix.protocols.map(({ id, transports }) => ({ id, transports })),
    // Made on first use (and kept by examples()): most questions need none.
    get examples() {
      return examples(knowledge);
    },
    diagram: { groups: knowledge.diagram.groups, words: { understoodAs: messages.text.understoodAs, added: messages.text.added, removed: messages.text.removed } },
    endpoints: endpointsOf(knowledge),
    noteAdvice: Object.fromEntries(knowledge.matrix.notes.flatMap((note) => (note.advice ? [[note.text, note.advice]] : []))),
  };

  function refuse(question: string, reason: 'empty' | 'too-long'): Answer {
    const summary =
      reason === 'too-long'
        ? fill(messages.clarify.tooLong, { limit: MAX_QUESTION_LENGTH.toLocaleString('en') })
        : fill(messages.clarify.empty, { product: knowledge.matrix.product });
    return finish({
      question, status: 'clarify', intent: 'help', refused: reason, modes: [], rules: [], summary, understood: messages.understood.refused,
      matches: [], labels, suggestions: catalog.examples.slice(0, 4),
    });
  }

  function converse(question: string, context?: ConversationContext, options: { explain?: boolean } = {}): Conversed {
    const { answer, query } = answerOf(question, context, options);
    const tookFromPrevious = (query?.took.length ?? 0) > 0;
    // An unknown or a greeting leaves the conversation where it was; "start over" forgets it.
    if (!query || query.status === 'unknown') return { answer, context, tookFromPrevious };
    if (query.status === 'answered' && query.intent === 'help') return { answer, context: query.reset ? undefined : context, tookFromPrevious };
    return { answer, context: contextOf(query), tookFromPrevious };
  }

  /** The answer to a question (within a conversation when given its context), and the Query it was read as. */
  function answerOf(question: string, context: ConversationContext | undefined, options: { explain?: boolean }): { answer: Answer; query?: Query } {
    const text = typeof question === 'string' ? question : String(question ?? '');
    const reading = readQuestion(text, knowledge, speller, { trace: options.explain });
    if (!reading.ok) return { answer: refuse(text, reading.reason) };
    const query = continuesConversation(reading.query, context) ? mergeFollowUp(context, reading.query) : reading.query;
    const draft = buildAnswer(text, query, knowledge);
    if (query.reason === 'foreign-subject' && query.foreign.every((f) => !f.otherProduct)) {
      const offers = didYouMean(reading.text, query);
      if (offers.length) draft.suggestions = [...offers, ...(draft.suggestions ?? [])].slice(0, 6);
    }
    return { answer: finish(reading.trace ? Object.assign(draft, { trace: reading.trace }) : draft), query };
  }

  const ask = (question: string, options: { explain?: boolean } = {}): Answer => answerOf(question, undefined, options).answer;

  /**
   * For a question refused over words the engine does not know: the same question with a near
   * name in their place, or without them, when that one is answerable. A fixed, small number of
   * look-ups whatever the question's length; each offer is read once more. Offered, never assumed.
   */
  function didYouMean(normalized: string, query: Query): string[] {
    if (query.foreign.length > MAX_LOOKUPS) return [];
    const cut = (question: string, word: Query['foreign'][number], by: string) =>
      `${question.slice(0, word.start)}${by}${question.slice(word.end)}`.replace(/\s{2,}/g, ' ').replace(/\s+([,;:?!.])/g, '$1').replace(/^[\s,;:]+|[\s,;:]+$/g, '');
    // Spans count in the normalized text; the last word is cut first, so the others keep their place.
    const words = [...query.foreign].sort((a, b) => b.start - a.start);
    const nearer = words.reduce((q, word) => cut(q, word, speller.nearest(word.text.toLowerCase()) ?? word.text), normalized);
    const without = words.reduce((q, word) => cut(q, word, ''), normalized);
    return [nearer, without].filter((q, i, all) => q && q !== normalized && all.indexOf(q) === i && answerable(q));
  }

  const answerable = (question: string) => {
    const reading = readQuestion(question, knowledge, speller);
    return reading.ok && reading.query.status === 'answered';
  };

  function browse(filter: Parameters<Engine['browse']>[0]): Answer {
    const known = new Set(knowledge.matrix.modes.map((m) => m.id));
    const modes = filter.modes?.filter((m) => known.has(m)).length ? filter.modes.filter((m) => known.has(m)) : [...known];
    const component = filter.component && knowledge.names.has(filter.component) ? filter.component : undefined;
    // A direction only with a component: in, it is the destination; out, the source.
    const direction = component ? filter.direction : undefined;
    const touches = (f: { source: string; destination: string }) =>
      direction === 'in' ? f.destination === component : direction === 'out' ? f.source === component : f.source === component || f.destination === component;
    const rules = knowledge.flows.filter((f) => modes.includes(f.mode) && (!component || touches(f))).map((f) => toRule(f));
    const directionWord = direction === 'in' ? messages.understood.inbound : direction === 'out' ? messages.understood.outbound : undefined;
    const scope = [component && knowledge.names.get(component), modes.map((m) => knowledge.names.get(m)).join(messages.understood.comma), directionWord]
      .filter(Boolean)
      .join(messages.understood.comma);
    return finish({
      question: '', status: 'answered', intent: component ? 'component' : 'mode', modes, rules, labels, matches: [],
      understood: scope, summary: fill(messages.answer.browse, { rules: fill(rules.length === 1 ? messages.counts.rule.one : messages.counts.rule.other, { n: rules.length }), scope }),
    });
  }

  return { ask, converse, browse, catalog };
}

/** The endpoints' component and the modes in which it is outside (always or sometimes), when the vocabulary names them. */
function endpointsOf({ vocabulary, language }: Knowledge): Catalog['endpoints'] {
  const { endpointComponent, deployments } = vocabulary;
  if (!endpointComponent || !deployments) return undefined;
  const outsideModes = [deployments.outside, ...(deployments.mixed ? [deployments.mixed] : [])];
  return { component: endpointComponent, outsideModes, privateOnlyWarning: language.messages.export.privateOnly };
}
