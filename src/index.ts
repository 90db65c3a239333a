/**
 * The public surface of the query engine. Adapters import from here only.
 */
export type { Answer, Rule, Intent, Status, Match } from './answer';
export { answerSchema, ruleSchema } from './answer';
export type { Engine, Catalog, ConversationContext, Conversed } from './engine';
export { conversationContextSchema } from './reading/query-schema';
export { createEngine } from './create-engine';
export { MAX_QUESTION_LENGTH } from './reading/tokenize';
export { loadKnowledge, loadDefaultKnowledge, knowledgeFilesIn, KnowledgeError } from './knowledge/load';
export type { Knowledge } from './knowledge/build';
export { ruleTables, rowCells, RULE_COLUMNS } from './render/rule-table';
export type { RuleRow, ModeTable } from './render/rule-table';
export { renderText } from './render/text';
export { answerJson } from './render/answer-json';
export { renderMarkdown } from './render/markdown';
export { renderCsv } from './render/csv';
export { renderSlackMessage, renderSlackHelp, renderSlackCsv, renderSlackExport, SLACK_ACTIONS, escapeSlackText, withoutSlackMarkup } from './render/slack-blocks';
export type { SlackMessage, SlackMessageOptions } from './render/slack-blocks';
export { renderAdaptiveCards, renderWelcomeCard, askSubmitSchema, diagramSubmitSchema, adaptiveCardSchema, MAX_CARD_BYTES, escapeCardMarkdown } from './render/adaptive-card';
export type { AdaptiveCard } from './render/adaptive-card';
export { OUTPUT_FORMATS } from './knowledge/schema';
export type { OutputFormat } from './knowledge/schema';
export { FileError } from './knowledge/knowledge-error';
/** Firewall exports of an answer's rules (CSV, Markdown, JSON, PowerShell), with a host inventory's addresses. */
export { exportAnswer } from './export/export-answer';
export type { ExportFile } from './export/export-answer';
export { splitExport, partLabel } from './export/split-export';
export { loadInventory, parseInventory, InventoryError } from './export/load-inventory';
export type { Inventory } from './export/inventory-schema';
/** The audit of an existing rule set (CSV) against the rules of a mode. */
export { parseCsv } from './export/csv-parse';
export { readRuleSet } from './export/read-rule-set';
export { auditRuleSet, somethingMissing } from './export/audit-rule-set';
export type { AuditReport } from './export/audit-rule-set';
export { renderAudit, AUDIT_FORMATS } from './export/render-audit';
export type { AuditFormat } from './export/render-audit';
/** The flow diagram of an answer, as SVG and PNG. */
export { createDiagramRenderer, DIAGRAM_FORMATS } from './render/diagram/render-diagram';
export type { DiagramRenderer, DiagramFormat } from './render/diagram/render-diagram';
