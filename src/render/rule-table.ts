import type { Answer, Rule } from '../answer';

/** The columns every surface shows, in order. */
export const RULE_COLUMNS = ['Service', 'Ports', 'Protocol', 'Source', 'Destination', 'Notes'] as const;

export interface RuleRow {
  service: string;
  ports: string;
  protocol: string;
  /** Display names; several when sources were merged. */
  sources: string[];
  destination: string;
  note: string;
  change?: Rule['change'];
}

export interface ModeTable {
  mode: string;
  title: string;
  rows: RuleRow[];
}

/**
 * The answer's rules as one table per mode, in the order the answer lists its modes.
 * With mergeSources, rules that differ only in their source share one row, as the vendor
 * document prints them: chat surfaces need that to stay within their size limits.
 */
export function ruleTables(answer: Pick<Answer, 'modes' | 'rules' | 'labels'>, options: { mergeSources?: boolean } = {}): ModeTable[] {
  const label = (id: string) => answer.labels[id] ?? id;
  const byMode = new Map<string, { rows: RuleRow[]; merged: Map<string, RuleRow> }>();
  for (const mode of answer.modes) byMode.set(mode, { rows: [], merged: new Map() });
  for (const rule of answer.rules) {
    let group = byMode.get(rule.mode);
    if (!group) byMode.set(rule.mode, (group = { rows: [], merged: new Map() }));
    const key = options.mergeSources ? `${rule.service}|${rule.ports}|${rule.protocol}|${rule.destination}|${rule.note ?? ''}|${rule.change ?? ''}` : '';
    const existing = options.mergeSources ? group.merged.get(key) : undefined;
    if (existing) {
      existing.sources.push(label(rule.source));
      continue;
    }
    const row: RuleRow = {
      service: rule.service,
      ports: rule.ports,
      protocol: rule.protocol,
      sources: [label(rule.source)],
      destination: label(rule.destination),
      note: rule.note ?? '',
      change: rule.change,
    };
    group.rows.push(row);
    if (options.mergeSources) group.merged.set(key, row);
  }
  const tables: ModeTable[] = [];
  for (const [mode, { rows }] of byMode) {
    if (rows.length === 0) continue;
    // A diff lists what appears in the target mode and what disappears from the source mode.
    const change = rows[0].change;
    const title = change === 'added' ? `Added (in ${label(mode)})` : change === 'removed' ? `Removed (were in ${label(mode)})` : label(mode);
    tables.push({ mode, title, rows });
  }
  return tables;
}

/** A row as the cells of RULE_COLUMNS; a diff's change marks the service unless told not to. */
export function rowCells(row: RuleRow, options: { markChange?: boolean } = {}): string[] {
  const change = row.change && options.markChange !== false ? `${row.change === 'added' ? '+' : '-'} ` : '';
  return [change + row.service, displayPorts(row.ports), row.protocol, row.sources.join(', '), row.destination, row.note];
}

/**
 * Ports as people read them: "135, 441, 1037, 1125", so that a narrow cell wraps between ports,
 * never inside a number. The contract's JSON and the CSV keep the document's "135,441,1037,1125".
 */
export function displayPorts(ports: string): string {
  return ports.split(',').join(', ');
}
