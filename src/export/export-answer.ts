import type { Answer } from '../answer';
import type { Catalog } from '../engine';
import type { OutputFormat } from '../knowledge/schema';
import type { ExportCatalog, ExportSource } from './addressed-rules';
import { exportCsv } from './export-csv';
import { exportFileName } from './export-file-name';
import { exportJson } from './export-json';
import { exportMarkdown } from './export-markdown';
import { exportPowershell } from './export-powershell';
import { exportWarnings } from './export-warnings';
import type { Inventory } from './inventory-schema';

/** An export ready to send: as a chat attachment, or written to standard output. */
export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
  /** What the one who runs it should know first (a BOI rule limited to private addresses); the PowerShell script's header says it too. */
  warnings: string[];
}

const EXPORTERS: Readonly<Record<OutputFormat, { extension: string; mimeType: string; render: (source: ExportSource) => string }>> = Object.freeze({
  csv: { extension: 'csv', mimeType: 'text/csv; charset=utf-8', render: exportCsv },
  markdown: { extension: 'md', mimeType: 'text/markdown; charset=utf-8', render: exportMarkdown },
  json: { extension: 'json', mimeType: 'application/json; charset=utf-8', render: exportJson },
  powershell: { extension: 'ps1', mimeType: 'text/plain; charset=utf-8', render: exportPowershell },
});

/**
 * The answer's rules in the format it asked for (`answer.format`, or `format` to override), with
 * the inventory's addresses, or clearly marked placeholders without one.
 */
export function exportAnswer(
  answer: Pick<Answer, 'rules' | 'modes' | 'labels' | 'format'>,
  catalog: ExportCatalog,
  options: { inventory?: Inventory; format?: OutputFormat } = {},
): ExportFile {
  const format = options.format ?? answer.format;
  if (!format) throw new TypeError('exportAnswer needs an answer that asked for a format, or a format');
  const exporter = EXPORTERS[format];
  return {
    filename: exportFileName(answer.modes, exporter.extension),
    mimeType: exporter.mimeType,
    content: exporter.render({ answer, catalog, inventory: options.inventory }),
    warnings: exportWarnings({ answer, catalog, inventory: options.inventory }),
  };
}
