import type { Answer } from './answer';
import type { ConversationContext, Engine } from './engine';
import type { Knowledge } from './knowledge/build';
import { toRule } from './knowledge/expand-flows';
import { buildAnswer } from './pipeline/build-answer';
import { classify } from './pipeline/classify';
import { extractPieces } from './pipeline/extract';
import { contextOf, continuesConversation, mergeReading } from './pipeline/follow-up';
import { MAX_QUESTION_LENGTH, normalize } from './pipeline/normalize';
import { readQuestion } from './pipeline/read-question';
import { Speller } from './pipeline/spell';
import { examples } from './pipeline/suggest';
import { renderText } from './render/text';

/**
 * The query engine over one knowledge base. Each question runs the same stages in order:
 * normalize → extract pieces → read entities and directions → classify → select and answer.
 */
export function createEngine(knowledge: Knowledge): Engine {
  const speller = new Speller(knowledge.phrases.words, knowledge.phrases.nameWords);
  const { labels } = knowledge;
  const finish = (draft: Omit<Answer, 'text'>): Answer => ({ ...draft, text: renderText(draft) });
  const catalog = {
    product: knowledge.matrix.product,
    version: knowledge.matrix.version,
    modes: knowledge.matrix.modes.map(({ id, name, definition }) => ({ id, name, definition })),
    components: knowledge.matrix.components.map(({ id, name }) => ({ id, name })),
    protocols: knowledge.matrix.protocols.map(({ id, transports }) => ({ id, transports })),
    examples: examples(knowledge),
  };

  function refuse(question: string, reason: 'empty' | 'too-long'): Answer {
    const summary =
      reason === 'too-long'
        ? `That question is over ${MAX_QUESTION_LENGTH.toLocaleString('en')} characters; please ask it in fewer words.`
        : 'I got an empty question. Ask me which ports a DLO component, service or deployment mode needs.';
    return finish({
      question, status: 'clarify', intent: 'help', refused: reason, modes: [], rules: [], summary, understood: 'nothing (the question was refused)',
      matches: [], labels, suggestions: catalog.examples.slice(0, 4),
    });
  }

  function converse(question: string, context?: ConversationContext): { answer: Answer; context?: ConversationContext } {
    const text = typeof question === 'string' ? question : String(question ?? '');
    const normalized = normalize(text);
    if (!normalized.ok) return { answer: refuse(text, normalized.reason), context };
    const pieces = extractPieces(normalized.tokens, knowledge, speller);
    const own = readQuestion(pieces, knowledge);
    const reading = continuesConversation(own, context) ? mergeReading(context, own) : own;
    const plan = classify(reading, knowledge);
    const draft = buildAnswer(text, reading, plan, knowledge);
    if (plan.kind === 'unknown' && plan.reason === 'foreign-subject' && reading.foreign.every((f) => !f.otherProduct)) {
      const offers = didYouMean(text, reading.foreign.map((f) => f.word));
      if (offers.length) draft.suggestions = [...offers, ...(draft.suggestions ?? [])].slice(0, 6);
    }
    const answer = finish(draft);
    // An unknown or a greeting leaves the conversation where it was; "start over" forgets it.
    if (plan.kind === 'help') return { answer, context: plan.reset ? undefined : context };
    if (plan.kind === 'unknown') return { answer, context };
    return { answer, context: contextOf(reading, plan.kind === 'clarify') };
  }

  const ask = (question: string): Answer => converse(question).answer;

  /**
   * For a question refused over words the engine does not know: the same question with a near
   * name in their place, or without them, when that one is answerable. Offered, never assumed.
   */
  function didYouMean(text: string, foreign: string[]): string[] {
    const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const replaceWord = (question: string, word: string, by: string) =>
      question.replace(new RegExp(`(^|[^\\p{L}\\p{N}])${escape(word)}(?=$|[^\\p{L}\\p{N}])`, 'iu'), (_, before: string) => `${before}${by}`).replace(/\s{2,}/g, ' ').replace(/[\s,;:]+$/, '').trim();
    const nearer = foreign.reduce((q, word) => replaceWord(q, word, speller.nearest(word) ?? word), text);
    const without = foreign.reduce((q, word) => replaceWord(q, word, ''), text);
    return [nearer, without].filter((q, i, all) => q !== text && q && all.indexOf(q) === i && converse(q).answer.status === 'answered');
  }

  function browse(filter: { modes?: string[]; component?: string }): Answer {
    const known = new Set(knowledge.matrix.modes.map((m) => m.id));
    const modes = filter.modes?.filter((m) => known.has(m)).length ? filter.modes.filter((m) => known.has(m)) : [...known];
    const component = filter.component && knowledge.names.has(filter.component) ? filter.component : undefined;
    const rules = knowledge.flows
      .filter((f) => modes.includes(f.mode) && (!component || f.source === component || f.destination === component))
      .map((f) => toRule(f));
    const scope = [component && knowledge.names.get(component), modes.map((m) => knowledge.names.get(m)).join(', ')].filter(Boolean).join(', ');
    return finish({
      question: '', status: 'answered', intent: component ? 'component' : 'mode', modes, rules, labels, matches: [],
      understood: scope, summary: `${rules.length} rule${rules.length === 1 ? '' : 's'}: ${scope}.`,
    });
  }

  return { ask, converse, browse, catalog };
}
