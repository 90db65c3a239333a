import type { Answer } from '../answer';
import { fill } from '../answering/messages';
import type { Messages } from '../knowledge/schema';
import { rowCells, ruleTables } from './rule-table';

/** Columns padded to their widest cell, for a terminal. */
export function alignColumns(rows: string[][]): string[] {
  const widths: number[] = new Array(rows[0].length).fill(0);
  for (const row of rows) for (let i = 0; i < row.length; i++) if (row[i].length > widths[i]) widths[i] = row[i].length;
  return rows.map((row) => {
    let line = '';
    for (let i = 0; i < row.length; i++) line += i === row.length - 1 ? row[i] : row[i].padEnd(widths[i] + 2);
    return line.trimEnd();
  });
}

/** The plain-text answer, as the CLI prints it and as every chat surface sends for a fallback. */
export function renderText(answer: Omit<Answer, 'text'>, words: Messages['text']): string {
  const lines = [answer.summary, fill(words.understoodAs, { understood: answer.understood })];
  for (const detail of answer.details ?? []) lines.push('', `${detail.title}: ${detail.body}`);
  for (const table of ruleTables(answer)) {
    const columns = answer.intent === 'diff' ? [words.change, ...words.columns] : [...words.columns];
    const rows = table.rows.map((row) => {
      const cells = rowCells(row, { markChange: false });
      return answer.intent === 'diff' ? [row.change ?? '', ...cells] : cells;
    });
    lines.push('', `${table.title}:`, ...alignColumns([columns, ...rows]).map((l) => `  ${l}`));
  }
  if (answer.suggestions?.length) lines.push('', words.try, ...answer.suggestions.map((s) => `  - ${s}`));
  return lines.join('\n');
}
