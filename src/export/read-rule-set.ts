import type { Catalog } from '../engine';
import type { PortRange } from '../knowledge/ports';
import type { CsvProblem, CsvRecord } from './csv-parse';
import { parseHostAddress, type HostAddress } from './host-address';
import { parsePortList } from './port-set';

/** One side of an existing rule: every host, a component named outright, or an address. */
export type Endpoint = { kind: 'any'; text: string } | { kind: 'component'; text: string; id: string } | { kind: 'address'; text: string; address: HostAddress };

/** A row of an existing rule set, understood. */
export interface ExistingRule {
  line: number;
  sources: Endpoint[];
  destinations: Endpoint[];
  ranges: PortRange[];
  transports: string[];
  /** The row's cells as written, to show in the report. */
  cells: Record<Column, string>;
}

const COLUMNS = ['source', 'destination', 'ports', 'protocol'] as const;
type Column = (typeof COLUMNS)[number];
/** Header names compare without case, spaces or punctuation; "port" is taken for "ports". */
const HEADER_NAMES: Readonly<Record<string, Column>> = Object.freeze({ source: 'source', destination: 'destination', ports: 'ports', port: 'ports', protocol: 'protocol' });
const ANY = /^(any|\*)$/i;

type Parsed<T> = T | { error: string };
const failed = <T>(value: Parsed<T>): value is { error: string } => typeof value === 'object' && value !== null && 'error' in value;

function endpoints(cell: string, components: ReadonlyMap<string, string>): Parsed<Endpoint[]> {
  // Lists are separated by ; , or line breaks; within a part, spaces separate addresses but not a component's name.
  const parts = cell.split(/[;,\r\n]+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return { error: 'is empty' };
  const found: Endpoint[] = [];
  for (const part of parts) {
    const named = components.get(part.toLowerCase());
    if (named) {
      found.push({ kind: 'component', text: part, id: named });
      continue;
    }
    const tokens = part.split(/\s+/);
    for (const token of tokens) {
      const id = components.get(token.toLowerCase());
      if (id) found.push({ kind: 'component', text: token, id });
      else if (ANY.test(token)) found.push({ kind: 'any', text: token });
      else {
        const address = parseHostAddress(token);
        if (tokens.length > 1 && (failed(address) || address.kind === 'name')) return { error: `${JSON.stringify(part)} is not a component or a list of addresses` };
        if (failed(address)) return address;
        found.push({ kind: 'address', text: token, address });
      }
    }
  }
  // "edge-server;edge-server;..." names one endpoint: a repeat adds nothing to what the row allows.
  const key = (e: Endpoint) => (e.kind === 'component' ? `component:${e.id}` : e.kind === 'any' ? 'any' : `address:${e.text.toLowerCase()}`);
  const unique = new Map<string, Endpoint>();
  for (const endpoint of found) if (!unique.has(key(endpoint))) unique.set(key(endpoint), endpoint);
  return [...unique.values()];
}

function transportsOf(cell: string, protocols: Catalog['protocols']): Parsed<string[]> {
  const text = cell.trim();
  const all = [...new Set(protocols.flatMap((p) => p.transports))];
  if (ANY.test(text)) return all;
  const protocol = protocols.find((p) => p.id.toLowerCase() === text.toLowerCase());
  if (protocol) return protocol.transports;
  if (all.includes(text.toLowerCase())) return [text.toLowerCase()];
  return { error: `protocol ${JSON.stringify(text)} is none of ${protocols.map((p) => p.id).join(', ')}, any` };
}

/**
 * The rows of a rule set (CSV with source, destination, ports and protocol columns, in any order,
 * other columns ignored), each understood or set aside with its line and why. Fails only when the
 * header lacks a column: then no row can be read.
 */
export function readRuleSet(
  records: readonly CsvRecord[],
  problems: readonly CsvProblem[],
  catalog: Pick<Catalog, 'components' | 'protocols'>,
): { rules: ExistingRule[]; unparsed: CsvProblem[] } | { error: string } {
  const rows = records.filter((r) => r.fields.some((f) => f.trim()));
  const [header, ...body] = rows;
  const index = new Map<Column, number>();
  header?.fields.forEach((name, i) => {
    const column = HEADER_NAMES[name.toLowerCase().replace(/[^a-z]/g, '')];
    if (column && !index.has(column)) index.set(column, i);
  });
  const absent = COLUMNS.filter((c) => !index.has(c));
  if (!header || absent.length) return { error: `the header (first line) needs the columns ${COLUMNS.join(', ')}; ${header ? `it has no ${absent.join(', ')}` : 'there is none'}` };

  const components = new Map<string, string>();
  for (const c of catalog.components) components.set(c.id, c.id).set(c.name.toLowerCase(), c.id);
  const rules: ExistingRule[] = [];
  const unparsed = [...problems];
  for (const { line, fields } of body) {
    if (fields.length !== header.fields.length) {
      unparsed.push({ line, reason: `has ${fields.length} fields where the header has ${header.fields.length}` });
      continue;
    }
    const cells = Object.fromEntries(COLUMNS.map((c) => [c, fields[index.get(c) ?? 0]])) as Record<Column, string>;
    const sources = endpoints(cells.source, components);
    const destinations = endpoints(cells.destination, components);
    const ranges = parsePortList(cells.ports);
    const transports = transportsOf(cells.protocol, catalog.protocols);
    if (failed(sources)) unparsed.push({ line, reason: `source ${sources.error}` });
    else if (failed(destinations)) unparsed.push({ line, reason: `destination ${destinations.error}` });
    else if (failed(ranges)) unparsed.push({ line, reason: ranges.error });
    else if (failed(transports)) unparsed.push({ line, reason: transports.error });
    else rules.push({ line, sources, destinations, ranges, transports, cells });
  }
  unparsed.sort((a, b) => a.line - b.line);
  return { rules, unparsed };
}
