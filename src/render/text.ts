import type { Answer } from '../answer';
import { fill } from '../answering/messages';
import type { Messages } from '../knowledge/schema';
import { idOf, oncePerRuleSet, ruleSetKey } from './once-per-rule-set';
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

/** The tables of the text answer, one per mode: built once per rule set and mode grouping. */
const tableLines = oncePerRuleSet((answer: Pick<Answer, 'intent' | 'modes' | 'rules' | 'labels'>, words: Messages['text']): string[] => {
  const lines: string[] = [];
  for (const table of ruleTables(answer)) {
    const columns = answer.intent === 'diff' ? [words.change, ...words.columns] : [...words.columns];
    const rows = table.rows.map((row) => {
      const cells = rowCells(row, { markChange: false });
      return answer.intent === 'diff' ? [row.change ?? '', ...cells] : cells;
    });
    lines.push('', `${table.title}:`, ...alignColumns([columns, ...rows]).map((l) => `  ${l}`));
  }
  return lines;
});

/** The whole text of each answer seen: the same sentences over the same tables give the same string, which answerJson writes once. */
const texts = new WeakMap<Messages['text'], Map<string, string>>();
const MAX_TEXTS = 1000;

/** The plain-text answer, as the CLI prints it and as every chat surface sends for a fallback. */
export function renderText(answer: Omit<Answer, 'text'>, words: Messages['text']): string {
  const head = [answer.summary, fill(words.understoodAs, { understood: answer.understood })];
  for (const detail of answer.details ?? []) head.push('', `${detail.title}: ${detail.body}`);
  const tail = answer.suggestions?.length ? ['', words.try, ...answer.suggestions.map((s) => `  - ${s}`)] : [];
  const make = () => [...head, ...tableLines(answer, words), ...tail].join('\n');
  const rules = Object.isFrozen(answer.labels) ? ruleSetKey(answer) : undefined;
  if (rules === undefined) return make();
  const key = `${idOf(answer.labels)}|${rules}\u0000${head.join('\n')}\u0000${tail.join('\n')}`;
  let byWords = texts.get(words);
  if (!byWords) texts.set(words, (byWords = new Map()));
  let text = byWords.get(key);
  if (text === undefined) {
    if (byWords.size >= MAX_TEXTS) byWords.clear();
    byWords.set(key, (text = make()));
  }
  return text;
}
