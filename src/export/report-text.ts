/**
 * How the audit shows what a rule set's cells hold: a report's size must follow the matrix and the
 * number of rows, never a cell's contents, and no cell may print a line of its own.
 */

/** The longest a cell is shown; the rest is counted, not printed. */
export const MAX_CELL_CHARS = 200;
/** The most names or addresses a finding lists before it counts the rest. */
export const MAX_LISTED = 5;

/** A cell cut to MAX_CELL_CHARS, saying how much was left out. */
export function abbreviate(text: string, max = MAX_CELL_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${(text.length - max).toLocaleString('en')} more characters)`;
}

/** "a, b, c" or "a, b, c, d, e and 19,995 more". */
export function listed(items: readonly string[], max = MAX_LISTED): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${(items.length - max).toLocaleString('en')} more`;
}

const ESCAPES: Readonly<Record<string, string>> = Object.freeze({ '\n': '\\n', '\r': '\\r', '\t': '\\t' });

/** Line breaks and other control characters written as escapes: a cell holding "\nALL-FLOWS-COVERED" stays on its row. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
