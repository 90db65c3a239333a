import { escapeMarkdown } from '../render/markdown';
import { alignColumns } from '../render/text';
import type { AuditReport, Excess, FlowCoverage, FlowGap } from './audit-rule-set';
import { printable } from './report-text';

export const AUDIT_FORMATS = ['text', 'markdown', 'json'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

const FLOW_COLUMNS = ['Status', 'Service', 'Ports', 'Protocol', 'Source', 'Destination', 'Rule lines', 'Not allowed'];
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function gapText(gap: FlowGap): string {
  return [`${gap.transports.map((t) => t.toUpperCase()).join('/')} ${gap.ports}`, gap.source && `from ${gap.source}`, gap.destination && `to ${gap.destination}`].filter(Boolean).join(' ');
}

function flowCells(flow: FlowCoverage, label: (id: string) => string): string[] {
  return [flow.status, flow.service, flow.ports, flow.protocol, label(flow.source), label(flow.destination), flow.lines.join(', '), flow.gaps.map(gapText).join('; ')];
}

function excessText(excess: Excess, label: (id: string) => string): string {
  switch (excess.kind) {
    case 'any-address':
      return `${excess.side} "${excess.address}" allows every host`;
    case 'wide-address':
      return `${excess.side} ${excess.address} is wider than the addresses of ${excess.components.map(label).join(', ')}`;
    case 'unknown-address':
      return `${excess.side} ${excess.address} is no component's address in the inventory`;
    case 'extra-ports':
      return `allows ${excess.transports.map((t) => t.toUpperCase()).join('/')} ${excess.ports} from ${excess.source} to ${excess.destination}, which no flow needs`;
  }
}

function countsOf(report: AuditReport) {
  const count = (status: FlowCoverage['status']) => report.flows.filter((f) => f.status === status).length;
  return { required: report.flows.length, covered: count('covered'), partial: count('partial'), missing: count('missing'), broader: report.broader.length, unparsed: report.unparsed.length };
}

function summaryOf(report: AuditReport): string {
  const n = countsOf(report);
  return (
    `Audit against ${report.scope}: ${n.covered} of ${plural(n.required, 'required flow')} covered, ` +
    `${n.partial} partly, ${n.missing} missing; ${plural(n.broader, 'rule')} allowing more than needed; ${plural(n.unparsed, 'row')} not read.`
  );
}

/** The report as sections of (title, column names, rows): each format lays them out its own way. */
function sections(report: AuditReport, label: (id: string) => string): { title: string; columns: string[]; rows: string[][] }[] {
  const open = report.flows.filter((f) => f.status !== 'covered');
  return [
    { title: 'Required flows not covered', columns: FLOW_COLUMNS, rows: open.map((f) => flowCells(f, label)) },
    {
      title: 'Rules allowing more than needed',
      columns: ['Line', 'Source', 'Destination', 'Ports', 'Protocol', 'Beyond the matrix'],
      rows: report.broader.flatMap((b) => b.excess.map((e) => [String(b.line), b.cells.source, b.cells.destination, b.cells.ports, b.cells.protocol, excessText(e, label)])),
    },
    { title: 'Rows not read', columns: ['Line', 'Why'], rows: report.unparsed.map((u) => [String(u.line), u.reason]) },
    { title: 'Every required flow', columns: FLOW_COLUMNS, rows: report.flows.map((f) => flowCells(f, label)) },
  ].filter((s) => s.rows.length);
}

/** The audit as a terminal table, a Markdown document, or JSON (the report with counts). */
export function renderAudit(report: AuditReport, format: AuditFormat): string {
  const label = (id: string) => report.labels[id] ?? id;
  if (format === 'json') {
    const summary = countsOf(report);
    const broader = report.broader.map((b) => ({ ...b, excess: b.excess.map((e) => ({ ...e, text: excessText(e, label) })) }));
    return `${JSON.stringify({ scope: report.scope, modes: report.modes, summary, flows: report.flows, broader, unparsed: report.unparsed }, null, 2)}\n`;
  }
  const lines = [format === 'markdown' ? `**${escapeMarkdown(summaryOf(report))}**` : summaryOf(report)];
  for (const { title, columns, rows: cells } of sections(report, label)) {
    const rows = cells.map((row) => row.map(printable));
    if (format === 'markdown')
      lines.push('', `### ${title}`, '', `| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(escapeMarkdown).join(' | ')} |`));
    else lines.push('', `${title}:`, ...alignColumns([columns, ...rows]).map((l) => `  ${l}`));
  }
  return `${lines.join('\n')}\n`;
}
