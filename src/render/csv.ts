import type { Answer } from '../answer';

const COLUMNS = ['mode', 'service', 'ports', 'protocol', 'source', 'destination', 'note', 'change'] as const;

/** RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line per rule, with ids and display names, for spreadsheets and change tickets. */
export function renderCsv(answer: Answer): string {
  const label = (id: string) => answer.labels[id] ?? id;
  const header = [...COLUMNS, 'source_name', 'destination_name'];
  const lines = answer.rules.map((rule) =>
    [...COLUMNS.map((c) => rule[c] ?? ''), label(rule.source), label(rule.destination)].map(csvCell).join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
