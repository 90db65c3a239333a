import { csvCell } from '../render/csv';
import { exportCells, exportColumns, withAddresses, type ExportSource } from './addressed-rules';

/** One line per rule with ids and addresses: for spreadsheets, and a valid input of the audit. */
export function exportCsv(source: ExportSource): string {
  const rules = withAddresses(source);
  const columns = exportColumns(rules);
  const lines = rules.map((rule) => exportCells(rule, columns.length, (id) => id).map(csvCell).join(','));
  return [columns.map((c) => c.key).join(','), ...lines].join('\r\n') + '\r\n';
}
