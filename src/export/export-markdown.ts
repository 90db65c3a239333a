import { escapeMarkdown } from '../render/markdown';
import { displayPorts } from '../render/rule-table';
import { exportCells, exportColumns, isPlaceholder, labelOf, withAddresses, type ExportSource } from './addressed-rules';

/** A table of one line per rule with addresses, for a change ticket. */
export function exportMarkdown(source: ExportSource): string {
  const { answer, catalog } = source;
  const label = labelOf(answer);
  const rules = withAddresses(source);
  const columns = exportColumns(rules);
  const lines = [
    `# Firewall rules: ${escapeMarkdown(catalog.product)}, ${escapeMarkdown(answer.modes.map(label).join(', '))}`,
    '',
    `${rules.length} rule${rules.length === 1 ? '' : 's'}, one per source and destination, from the vendor's port matrix.`,
  ];
  if (rules.some((r) => [...r.sourceAddresses, ...r.destinationAddresses].some(isPlaceholder)))
    lines.push('', '> Addresses in angle brackets are placeholders: replace them, or export with a host inventory.');
  lines.push('', `| ${columns.map((c) => c.title).join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`);
  // Ports as people read them ("135-139, 445"); the CSV and JSON keep the document's form.
  for (const rule of rules) lines.push(`| ${exportCells({ ...rule, ports: displayPorts(rule.ports) }, columns.length, label).map(escapeMarkdown).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}
