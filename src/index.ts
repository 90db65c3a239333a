/**
 * The public surface of the query engine. Adapters import from here only.
 */
export type { Answer, Rule, Intent, Status, Match } from './answer';
export { answerSchema, ruleSchema } from './answer';
export type { Engine, Catalog, ConversationContext } from './engine';
export { conversationContextSchema } from './pipeline/follow-up';
export { createEngine } from './create-engine';
export { MAX_QUESTION_LENGTH } from './pipeline/normalize';
export { loadKnowledge, loadDefaultKnowledge, KnowledgeError } from './knowledge/load';
export type { Knowledge } from './knowledge/build';
export { ruleTables, rowCells, RULE_COLUMNS } from './render/rule-table';
export type { RuleRow, ModeTable } from './render/rule-table';
export { renderText } from './render/text';
export { renderMarkdown } from './render/markdown';
export { renderCsv } from './render/csv';
export { renderSlackMessage } from './render/slack-blocks';
export { renderAdaptiveCards, renderWelcomeCard, askSubmitSchema, adaptiveCardSchema, MAX_CARD_BYTES, escapeCardMarkdown } from './render/adaptive-card';
export type { AdaptiveCard } from './render/adaptive-card';
