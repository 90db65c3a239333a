import type {
  ActionsBlock,
  Button,
  ContextBlock,
  KnownBlock,
  RawTextElement,
  RichTextBlock,
  SectionBlock,
  TableBlock,
} from '@slack/types';
import type { Answer } from '../answer';
import type { Catalog } from '../engine';
import type { ExportFile } from '../export/export-answer';
import { partLabel, splitExport } from '../export/split-export';
import { renderCsv } from './csv';
import { RULE_COLUMNS, rowCells, ruleTables, type ModeTable } from './rule-table';

/** A chat message: Block Kit for the clients that show it, `text` for notifications and the rest. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface SlackMessageOptions {
  /** Adds the "Share in channel" button (the slash command's private answer). */
  share?: boolean;
  /** The Slack user id of whoever shared the answer into the channel. */
  sharedBy?: string;
  /**
   * What "Show diagram" carries instead of the question: in a conversation, the adapter's record of
   * how the question was read, so that a click after later messages still draws this answer.
   */
  diagramValue?: string;
}

/** The action ids of this renderer's buttons; each button's value is the question it asks. */
export const SLACK_ACTIONS = Object.freeze({
  share: 'dlo_share',
  csv: 'dlo_csv',
  /** "Show diagram": the answer's flows as a picture, uploaded beside it. */
  diagram: 'dlo_diagram',
  /** Suggestion and example buttons: ids must differ within one actions block. */
  ask: /^dlo_ask_\d+$/,
});

// Slack's documented limits (Block Kit reference); the table's 100 rows include its header row.
const LIMITS = Object.freeze({
  tableRows: 100,
  sectionText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  fallbackText: 4000,
  // Under a section's 3,000, with room to spare.
  preformatted: 2900,
  // Not documented: Slack refuses a message whose blocks hold more than about 12,000 characters
  // (msg_blocks_too_long), and a refusal at 11,341 with rich_text blocks has been reported:
  // 10,000 leaves the buffer its maintainers advise for the containers.
  preformattedPerMessage: 10_000,
  // Slack's table block: at most 10,000 characters across all its cells.
  tableText: 10_000,
});

const EMPTY_CELL = '—';
const SLACK_USER_ID = /^[UW][A-Z0-9]+$/;

/**
 * Escapes the three characters Slack treats as markup, so that nothing a user typed can become
 * a mention (@channel, @here, a user), a link or a date.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A question without Slack's markup (mentions, channel links, <url|label>), which the engine reads
 * past anyway: what a button sends back, so that no message the bot posts carries a mention.
 */
export function withoutSlackMarkup(question: string): string {
  return question
    .replace(/<[@!#][^>]*>/g, ' ')
    .replace(/<[^>|]+\|([^>]*)>/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

// The adapter's value when it fits a button, else the question alone.
function diagramValueOf(answer: Answer, { diagramValue }: SlackMessageOptions): string {
  return diagramValue !== undefined && diagramValue.length <= LIMITS.buttonValue ? diagramValue : withoutSlackMarkup(answer.question);
}

/** The answer as a Slack message: headline, how the question was understood, the rules as one table, buttons. */
export function renderSlackMessage(answer: Answer, options: SlackMessageOptions = {}): SlackMessage {
  const blocks = leadBlocks(answer);
  const buttons = questionButtons(answer);
  if (answer.rules.length > 0) buttons.push(...questionButton('Show diagram', SLACK_ACTIONS.diagram, diagramValueOf(answer, options)));
  const table = ruleTableBlock(answer);
  if (table) {
    blocks.push(table.block);
    if (table.shown < table.total) {
      blocks.push(context(`Too long for one Slack table: it shows ${table.shown} of ${table.total} rows. The CSV has them all.`));
      buttons.push(...questionButton('Show as CSV', SLACK_ACTIONS.csv, answer.question));
    }
  }
  return { text: fallbackText(answer.text), blocks: [...blocks, ...closingBlocks(buttons, answer, options)] };
}

/**
 * An answer that asked for a format ("as CSV", "powershell"): the short answer (summary, how it was
 * understood, buttons), then the export as preformatted text, in as many messages as it takes,
 * each named by the file and labelled "part i of n". Nothing is cut: the parts join back into the file.
 */
export function renderSlackExport(answer: Answer, file: Pick<ExportFile, 'filename' | 'content'>, options: SlackMessageOptions = {}): SlackMessage[] {
  const parts = preformattedMessages(file.filename, file.content);
  const follows = parts.length > 1 ? ` in ${parts.length} parts` : '';
  const blocks = [...leadBlocks(answer), context(`The rules follow as ${escapeSlackText(file.filename)}${follows}.`)];
  const first = { text: fallbackText(answer.summary), blocks: [...blocks, ...closingBlocks(questionButtons(answer), answer, options)] };
  return [first, ...parts];
}

/** Usage of the bot in Slack, with the catalog's example questions as buttons that ask them. */
export function renderSlackHelp(catalog: Pick<Catalog, 'product' | 'examples'>, command: string): SlackMessage {
  const usage = [
    `• \`${command} QUESTION\`: the answer only you can see, with a button to share it in the channel`,
    '• Mention me in a channel: I answer in the thread',
    '• Send me a direct message',
  ].join('\n');
  const blocks: KnownBlock[] = [
    section(`*Which firewall ports does ${escapeSlackText(catalog.product)} need? Ask me.*`),
    section(usage),
  ];
  if (catalog.examples.length > 0) {
    blocks.push(context('Try one of these:'));
    blocks.push(actions(catalog.examples.map((question, index) => askButton(question, index))));
  }
  const examples = catalog.examples.map((question) => `• ${question}`).join('\n');
  return { text: fallbackText(`Ask ${command} QUESTION, mention me, or send me a direct message.\n${examples}`), blocks };
}

/** The answer's rules as CSV in preformatted blocks, in as many messages as it takes: what a table too long for Slack offers instead. */
export function renderSlackCsv(answer: Answer): SlackMessage[] {
  return preformattedMessages(`${answer.rules.length} rules as CSV`, renderCsv(answer));
}

// Explanations are their details; every other answer leads with its one-sentence summary.
function leadBlocks(answer: Answer): KnownBlock[] {
  const lead = answer.details?.length
    ? answer.details.map((detail) => section(`*${escapeSlackText(detail.title)}*\n${escapeSlackText(detail.body)}`))
    : [section(`*${escapeSlackText(answer.summary)}*`)];
  return [...lead, ...understoodAs(answer)];
}

function questionButtons(answer: Answer): Button[] {
  return (answer.suggestions ?? []).map((question, index) => askButton(question, index));
}

// The share button and "Shared by" come last, under whatever the answer shows.
function closingBlocks(buttons: Button[], answer: Answer, options: SlackMessageOptions): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const share = options.share ? questionButton('Share in channel', SLACK_ACTIONS.share, answer.question, 'primary') : [];
  if (buttons.length + share.length > 0) blocks.push(actions([...buttons, ...share]));
  if (options.sharedBy && SLACK_USER_ID.test(options.sharedBy)) blocks.push(context(`Shared by <@${options.sharedBy}>`));
  return blocks;
}

/**
 * Text as preformatted blocks, cut at line ends: into messages within Slack's size for one message,
 * each headed by its title and part label, and within each message into blocks within a block's size.
 * The blocks' texts, joined in order, are the text again.
 */
function preformattedMessages(title: string, content: string): SlackMessage[] {
  const parts = splitExport(content, LIMITS.preformattedPerMessage);
  return parts.map((part, index) => {
    const heading = `${title}${partLabel(index, parts.length)}`;
    // (An empty text element is invalid Block Kit: an empty export is only its heading.)
    const blocks = splitExport(part, LIMITS.preformatted).filter(Boolean).map(preformatted);
    return { text: fallbackText(heading), blocks: [section(`*${escapeSlackText(heading)}*`), ...blocks] };
  });
}

interface RenderedTable {
  block: TableBlock;
  shown: number;
  total: number;
}

/**
 * One table for the whole answer (Slack allows one per message), with a Mode column when it covers
 * several modes. Rules are merged by source only when they would not fit unmerged, as the
 * vendor document prints them; what still does not fit is cut, and the caller says so.
 */
function ruleTableBlock(answer: Answer): RenderedTable | undefined {
  const maxRows = LIMITS.tableRows - 1;
  const unmerged = tableCells(answer, ruleTables(answer));
  const cells = unmerged.body.length > maxRows || textLength(unmerged) > LIMITS.tableText ? tableCells(answer, ruleTables(answer, { mergeSources: true })) : unmerged;
  const total = cells.body.length;
  if (total === 0) return undefined;
  const { header } = cells;
  // Whole rows, in order, while both the row count and the table's text stay within Slack's limits.
  let shown = 0;
  for (let length = cellsLength(header); shown < Math.min(total, maxRows); shown += 1) {
    length += cellsLength(cells.body[shown]);
    if (length > LIMITS.tableText) break;
  }
  const rows = [header.map(boldCell), ...cells.body.slice(0, shown).map((row) => row.map(rawCell))];
  // Sources, destination and notes are the long columns: let them wrap instead of clipping.
  const wrapped = new Set(['Source', 'Destination', 'Notes']);
  const block: TableBlock = {
    type: 'table',
    column_settings: header.map((name) => ({ is_wrapped: wrapped.has(name) })),
    rows,
  };
  return { block, shown, total };
}

interface TableCells {
  header: string[];
  body: string[][];
}

/** The table's header and rows as texts, before they become Block Kit cells. */
function tableCells(answer: Answer, tables: ModeTable[]): TableCells {
  // A Mode column when the answer spans modes; a Change column (added/removed) for a diff, as the text answer has.
  const withMode = tables.length > 1;
  const withChange = answer.intent === 'diff';
  const header = [...(withMode ? ['Mode'] : []), ...(withChange ? ['Change'] : []), ...RULE_COLUMNS];
  const body = tables.flatMap((table) =>
    table.rows.map((row) => [
      ...(withMode ? [table.title] : []),
      ...(withChange ? [row.change ?? ''] : []),
      ...rowCells({ ...row, change: withChange ? undefined : row.change }),
    ]),
  );
  return { header, body };
}

// As Slack counts it: the text of every cell, an empty one being the dash it shows.
function cellsLength(cells: string[]): number {
  return cells.reduce((sum, text) => sum + (text.trim() || EMPTY_CELL).length, 0);
}

function textLength({ header, body }: TableCells): number {
  return body.reduce((sum, row) => sum + cellsLength(row), cellsLength(header));
}

// The understood line can repeat what the user typed: escaped like everything else.
function understoodAs(answer: Answer): ContextBlock[] {
  return answer.understood.trim() ? [context(`Understood as: ${escapeSlackText(answer.understood)}`)] : [];
}

// Table cells are never parsed as markup, so they need no escaping; an empty one is invalid.
function rawCell(text: string): RawTextElement {
  return { type: 'raw_text', text: text.trim() || EMPTY_CELL };
}

function boldCell(text: string): RichTextBlock {
  return {
    type: 'rich_text',
    elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text, style: { bold: true } }] }],
  };
}

function preformatted(text: string): RichTextBlock {
  return { type: 'rich_text', elements: [{ type: 'rich_text_preformatted', elements: [{ type: 'text', text }] }] };
}

// verbatim: Slack neither links URLs nor turns names into mentions in text we pass on.
function section(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(mrkdwn, LIMITS.sectionText), verbatim: true } };
}

function context(mrkdwn: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(mrkdwn, LIMITS.sectionText), verbatim: true }] };
}

function actions(buttons: Button[]): ActionsBlock {
  return { type: 'actions', elements: buttons.slice(0, LIMITS.actionsElements) };
}

function askButton(question: string, index: number): Button {
  return button(question, `dlo_ask_${index}`, question);
}

/** A button carrying the question, or none when the question is too long for a button's value. */
function questionButton(label: string, actionId: string, question: string, style?: Button['style']): Button[] {
  if (question.length > LIMITS.buttonValue) return [];
  return [button(label, actionId, question, style)];
}

function button(label: string, actionId: string, value: string, style?: Button['style']): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: clipPlain(label, LIMITS.buttonText), emoji: false },
    value: value.slice(0, LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

// Escaped first, then clipped: the limit counts what Slack receives.
function fallbackText(text: string): string {
  return clip(escapeSlackText(text.trim()), LIMITS.fallbackText);
}

// Escaped text is cut, never inside an entity: every & in it starts one (&amp; &lt; &gt;), so a partial one at the cut goes.
function clip(escaped: string, max: number): string {
  return escaped.length <= max ? escaped : `${escaped.slice(0, max - 1).replace(/&[a-z]{0,3}$/, '')}…`;
}

function clipPlain(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
