import { z } from 'zod';
import type { Answer } from '../answer';
import type { Catalog, ConversationContext } from '../engine';
import { conversationContextSchema } from '../reading/query-schema';
import { RULE_COLUMNS, rowCells, ruleTables, type RuleRow } from './rule-table';

// The subset of Adaptive Cards 1.5 this renderer writes: the schemas give the types and let tests check cards.
const textBlockSchema = z.object({
  type: z.literal('TextBlock'),
  text: z.string(),
  wrap: z.literal(true),
  weight: z.enum(['Bolder']).optional(),
  size: z.enum(['Small', 'Medium', 'Large']).optional(),
  isSubtle: z.boolean().optional(),
  color: z.enum(['Good', 'Attention']).optional(),
});
const tableCellSchema = z.object({ type: z.literal('TableCell'), items: z.array(textBlockSchema) });
const tableRowSchema = z.object({ type: z.literal('TableRow'), cells: z.array(tableCellSchema) });
const tableSchema = z.object({
  type: z.literal('Table'),
  columns: z.array(z.object({ width: z.number().int().positive() })),
  firstRowAsHeader: z.literal(true),
  showGridLines: z.boolean(),
  rows: z.array(tableRowSchema),
});

/** What a suggestion button sends back: the question it asks. */
export const askSubmitSchema = z.object({ action: z.literal('ask'), question: z.string().trim().min(1) });
/**
 * "Show diagram": the answer to this question as a picture; in a conversation, with the context its
 * answer left, in which the question reads as it did however far the conversation has moved on.
 * A context that no longer fits is left out, not a refusal of the click.
 */
export const diagramSubmitSchema = z.object({
  action: z.literal('diagram'),
  question: z.string().trim().min(1),
  context: conversationContextSchema.optional().catch(undefined),
});
const submitActionSchema = z.object({ type: z.literal('Action.Submit'), title: z.string(), data: z.union([askSubmitSchema, diagramSubmitSchema]) });

export const adaptiveCardSchema = z.object({
  type: z.literal('AdaptiveCard'),
  $schema: z.literal('http://adaptivecards.io/schemas/adaptive-card.json'),
  version: z.literal('1.5'),
  /** The card as plain text, for clients and notifications that cannot show cards. */
  fallbackText: z.string().min(1),
  msteams: z.object({ width: z.literal('Full') }),
  body: z.array(z.discriminatedUnion('type', [textBlockSchema, tableSchema])),
  actions: z.array(submitActionSchema).optional(),
});

export type AdaptiveCard = z.infer<typeof adaptiveCardSchema>;
type TextBlock = z.infer<typeof textBlockSchema>;
type Table = z.infer<typeof tableSchema>;
type TableRow = z.infer<typeof tableRowSchema>;
type CardElement = AdaptiveCard['body'][number];

/**
 * Teams refuses messages over about 100 KB counted as UTF-16 and advises staying under 80 KB;
 * 2 KB of that is left for the activity around the card.
 */
export const MAX_CARD_BYTES = 78 * 1024;

// actions: the Adaptive Cards default host config (and Teams) shows at most 5 top-level actions.
// actionTitle: Teams draws a button one line high and cuts what does not fit without an ellipsis;
// the title is shortened at a word with one, the full question stays in the submit data.
const LIMITS = Object.freeze({ echo: 300, summary: 1000, detail: 4000, actions: 5, actionTitle: 50 });
// Relative widths (Service, Ports, Protocol, Source, Destination, Notes): sources, destination and
// notes hold component names, which must break between words (measured in Chromium at 900 px).
const COLUMN_WIDTHS = [4, 3, 3, 5, 5, 4];
const EMPTY_CELL = '—';

/**
 * CommonMark markup that TextBlocks render: emphasis, links, code, entities, the {{DATE()}}
 * functions, and list or heading markers at the start of a line. Escaping it keeps what a user
 * typed (shown back in the card) from becoming a link or formatting.
 */
export function escapeCardMarkdown(text: string): string {
  return text
    .replace(/[\\`*_~[\]<>{}&]/g, '\\$&')
    .replace(/^(\s*)(#+|[-+])(?=\s|$)/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, '$1\\$2');
}

/**
 * The answer as Adaptive Cards: the question and how it was understood, then one table per mode,
 * then the suggestions as buttons that ask them. Sources are merged as the vendor document prints
 * them; an answer still over maxBytes continues on further cards, each with its header row.
 */
export function renderAdaptiveCards(answer: Answer, maxBytes = MAX_CARD_BYTES, options: { diagramContext?: ConversationContext } = {}): AdaptiveCard[] {
  const cards = new CardPacker(maxBytes);
  for (const block of leadBlocks(answer)) cards.add(block.element, block.fallback);
  for (const table of ruleTables(answer, { mergeSources: true })) {
    cards.startTable(table.title);
    for (const row of table.rows) cards.addRow(row);
  }
  const diagram = answer.rules.length > 0 && answer.question.trim() ? [diagramAction(answer.question, options.diagramContext)] : [];
  return cards.finish(answer.suggestions ?? [], diagram);
}

/** The welcome: what the bot answers, and the catalog's example questions as buttons that ask them. */
export function renderWelcomeCard(catalog: Pick<Catalog, 'product' | 'examples'>): AdaptiveCard {
  const intro = `Hi! I answer which firewall ports ${catalog.product} needs, from the vendor's port requirements.`;
  const usage = 'Ask me in a direct message, or mention me in a group chat or channel. Try one of these:';
  const cards = new CardPacker(MAX_CARD_BYTES);
  cards.add(textBlock(escapeCardMarkdown(intro), { weight: 'Bolder' }), intro);
  cards.add(textBlock(usage), usage);
  return cards.finish(catalog.examples)[0];
}

interface LeadBlock {
  element: TextBlock;
  fallback: string;
}

/** Everything above the tables: the question shown back, the summary, how it was understood, details. */
function leadBlocks(answer: Answer): LeadBlock[] {
  const blocks: LeadBlock[] = [];
  const plain = (text: string, style: Partial<TextBlock> = {}, label = '') =>
    blocks.push({
      element: textBlock(label ? `**${label}:** ${escapeCardMarkdown(text)}` : escapeCardMarkdown(text), style),
      fallback: label ? `${label}: ${text}` : text,
    });
  // A suggestion button sends no visible message: the card says which question it answers.
  const question = clip(oneLine(answer.question), LIMITS.echo);
  if (question) plain(question, { isSubtle: true }, 'You asked');
  const verdictColor = answer.verdict === 'yes' ? 'Good' : answer.verdict === 'no' ? 'Attention' : undefined;
  plain(clip(answer.summary.trim(), LIMITS.summary), { weight: 'Bolder', ...(verdictColor ? { color: verdictColor } : {}) });
  if (answer.understood.trim()) plain(answer.understood.trim(), { isSubtle: true }, 'Understood as');
  for (const detail of answer.details ?? []) {
    plain(detail.title, { weight: 'Bolder' });
    plain(clip(detail.body, LIMITS.detail));
  }
  return blocks;
}

interface Part {
  body: CardElement[];
  fallback: string[];
  bytes: number;
}

/**
 * Fills cards element by element and row by row, counting each piece's share of the card's JSON,
 * so an answer of any length costs one pass. A table that does not fit continues on the next card
 * under its title and header row again.
 */
class CardPacker {
  private readonly parts: Part[] = [this.emptyPart()];
  private table: { title: string; element?: Table } | undefined;

  constructor(private readonly maxBytes: number) {}

  add(element: CardElement, fallback: string): void {
    this.table = undefined;
    this.place([element], [fallback], 0);
  }

  /** The table starts with its first row, so that a title never ends a card without rows under it. */
  startTable(title: string): void {
    this.table = { title };
  }

  addRow(row: RuleRow): void {
    if (!this.table) throw new Error('addRow() before startTable()');
    const element = tableRow(rowCells(row), row.change);
    const line = fallbackLine(row);
    const rowCost = sizeOf(element) + sizeOf(line);
    if (!this.table.element || !this.fits(rowCost)) {
      const title = this.table.element ? `${this.table.title} (continued)` : this.table.title;
      const table = emptyTable();
      this.place([textBlock(escapeCardMarkdown(title), { size: 'Medium', weight: 'Bolder' }), table], [`${title}:`], rowCost);
      this.table.element = table;
    }
    this.table.element.rows.push(element);
    this.current.fallback.push(line);
    this.current.bytes += rowCost;
  }

  finish(suggestions: string[], more: z.infer<typeof submitActionSchema>[] = []): AdaptiveCard[] {
    // The other actions ("Show diagram") come first and count against the same five.
    const asked = suggestions.slice(0, Math.max(0, LIMITS.actions - more.length));
    const actions = [...more, ...asked.map(askAction)];
    const tryLine = asked.length > 0 ? `Try: ${asked.join(' | ')}` : '';
    if (actions.length > 0 && !this.fits(sizeOf({ actions }) + sizeOf(tryLine))) this.parts.push(this.emptyPart());
    return this.parts.map((part, index) => {
      const withActions = actions.length > 0 && index === this.parts.length - 1;
      const fallback = withActions && asked.length > 0 ? [...part.fallback, tryLine] : part.fallback;
      return card(part.body, fallback.join('\n') || ' ', withActions ? actions : undefined);
    });
  }

  private get current(): Part {
    return this.parts[this.parts.length - 1];
  }

  /** Puts elements on the current card, or on a new one when they (and `reserve` bytes after them) do not fit. */
  private place(elements: CardElement[], fallback: string[], reserve: number): void {
    const cost = elements.reduce((sum, element) => sum + sizeOf(element), 0) + fallback.reduce((sum, line) => sum + sizeOf(line), 0);
    if (!this.fits(cost + reserve) && this.current.body.length > 0) this.parts.push(this.emptyPart());
    this.current.body.push(...elements);
    this.current.fallback.push(...fallback.filter(Boolean));
    this.current.bytes += cost;
  }

  private fits(cost: number): boolean {
    return this.current.bytes + cost <= this.maxBytes;
  }

  private emptyPart(): Part {
    return { body: [], fallback: [], bytes: sizeOf(card([], '')) };
  }
}

function card(body: CardElement[], fallbackText: string, actions?: AdaptiveCard['actions']): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText,
    // Tables need the chat's full width; without it Teams draws cards narrow.
    msteams: { width: 'Full' },
    body,
    ...(actions ? { actions } : {}),
  };
}

function emptyTable(): Table {
  const header: TableRow = { type: 'TableRow', cells: RULE_COLUMNS.map((name) => cell(textBlock(name, { weight: 'Bolder' }))) };
  return {
    type: 'Table',
    columns: COLUMN_WIDTHS.map((width) => ({ width })),
    firstRowAsHeader: true,
    showGridLines: true,
    rows: [header],
  };
}

function tableRow(cells: string[], change: RuleRow['change']): TableRow {
  const color = change === 'added' ? 'Good' : change === 'removed' ? 'Attention' : undefined;
  return {
    type: 'TableRow',
    cells: cells.map((text, index) =>
      cell(textBlock(escapeCardMarkdown(text.trim()) || EMPTY_CELL, index === 0 && color ? { color } : {})),
    ),
  };
}

function cell(item: TextBlock): Table['rows'][number]['cells'][number] {
  return { type: 'TableCell', items: [item] };
}

function textBlock(text: string, style: Partial<Omit<TextBlock, 'type' | 'text'>> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...style };
}

function diagramAction(question: string, context?: ConversationContext): z.infer<typeof submitActionSchema> {
  return { type: 'Action.Submit', title: 'Show diagram', data: { action: 'diagram', question, ...(context ? { context } : {}) } };
}

function askAction(question: string): z.infer<typeof submitActionSchema> {
  return { type: 'Action.Submit', title: clipAtWord(oneLine(question), LIMITS.actionTitle), data: { action: 'ask', question } };
}

/** At most `max` characters, cut after a whole word where there is one, with an ellipsis. */
function clipAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

function fallbackLine(row: RuleRow): string {
  const [service, ports, protocol, sources, destination, note] = rowCells(row);
  return `- ${service}: ${ports} ${protocol}, ${sources} -> ${destination}${note ? ` (${note})` : ''}`;
}

/** A value's share of the card's JSON in UTF-16 bytes, as Teams counts, with its separating comma. */
function sizeOf(value: unknown): number {
  return (JSON.stringify(value).length + 1) * 2;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
