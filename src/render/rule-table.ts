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
export function ruleTables(answer: Answer, options: { mergeSources?: boolean } = {}): ModeTable[] {
  const label = (id: string) => answer.labels[id] ?? id;
  const modes = [...answer.modes, ...answer.rules.map((r) => r.mode).filter((m) => !answer.modes.includes(m))];
  const tables: ModeTable[] = [];
  for (const mode of modes) {
    const rows: RuleRow[] = [];
    const merged = new Map<string, RuleRow>();
    for (const rule of answer.rules) {
      if (rule.mode !== mode) continue;
      const row: RuleRow = {
        service: rule.service,
        ports: rule.ports,
        protocol: rule.protocol,
        sources: [label(rule.source)],
        destination: label(rule.destination),
        note: rule.note ?? '',
        ...(rule.change ? { change: rule.change } : {}),
      };
      if (!options.mergeSources) {
        rows.push(row);
        continue;
      }
      const key = [rule.service, rule.ports, rule.protocol, rule.destination, rule.note ?? '', rule.change ?? ''].join('|');
      const existing = merged.get(key);
      if (existing) existing.sources.push(row.sources[0]);
      else {
        merged.set(key, row);
        rows.push(row);
      }
    }
    if (rows.length === 0) continue;
    // A diff lists what appears in the target mode and what disappears from the source mode.
    const change = rows[0].change;
    const title = change === 'added' ? `Added (in ${label(mode)})` : change === 'removed' ? `Removed (were in ${label(mode)})` : label(mode);
    tables.push({ mode, title, rows });
  }
  return tables;
}

/** A row as the cells of RULE_COLUMNS. */
export function rowCells(row: RuleRow): string[] {
  const change = row.change ? `${row.change === 'added' ? '+' : '-'} ` : '';
  return [change + row.service, row.ports, row.protocol, row.sources.join(', '), row.destination, row.note];
}
