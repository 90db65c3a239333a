import type { Answer } from '../answer';
import { RULE_COLUMNS, rowCells, ruleTables } from './rule-table';

/**
 * Escapes only what would break a Markdown table cell or start formatting, so that the text still
 * reads plainly where Markdown is not rendered (a ticket system shows "(DLO)", not "\(DLO\)"):
 * emphasis, code, links ([ ] make ( ) and ! harmless), HTML, strike-through, cell bars, and a
 * heading, list or quote marker at the start.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|]/g, '\\$&')
    .replace(/\n/g, ' ')
    .replace(/^(#+|[-+])(?=\s|$)/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** The answer as Markdown: for change tickets, wikis and the web page's copy button. */
export function renderMarkdown(answer: Answer): string {
  const lines = [`**${escapeMarkdown(answer.summary)}**`, '', `_Understood as: ${escapeMarkdown(answer.understood)}_`];
  for (const detail of answer.details ?? []) lines.push('', `**${escapeMarkdown(detail.title)}**: ${escapeMarkdown(detail.body)}`);
  for (const table of ruleTables(answer)) {
    lines.push('', `### ${escapeMarkdown(table.title)}`, '', `| ${RULE_COLUMNS.join(' | ')} |`, `|${RULE_COLUMNS.map(() => '---').join('|')}|`);
    for (const row of table.rows) lines.push(`| ${rowCells(row).map(escapeMarkdown).join(' | ')} |`);
  }
  if (answer.suggestions?.length) lines.push('', ...answer.suggestions.map((s) => `- ${escapeMarkdown(s)}`));
  return lines.join('\n');
}
