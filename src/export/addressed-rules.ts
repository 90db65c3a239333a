import type { Answer, Rule } from '../answer';
import type { Catalog } from '../engine';
import { FROM_INTERNET, type Inventory } from './inventory-schema';

/** What every export format starts from: the answer's rules, the names around them, and the hosts if known. */
export interface ExportSource {
  answer: Pick<Answer, 'rules' | 'modes' | 'labels'>;
  catalog: ExportCatalog;
  inventory?: Inventory;
}

/** What the exports take from the catalog: the endpoints and the notes' advice, when known, add warnings and advice. */
export type ExportCatalog = Pick<Catalog, 'product' | 'protocols'> & Partial<Pick<Catalog, 'endpoints' | 'noteAdvice'>>;

/** A contract rule with the addresses of its source and destination added. */
export interface AddressedRule extends Rule {
  sourceAddresses: string[];
  destinationAddresses: string[];
}

/** Stands for a component the inventory gives no addresses for: angle brackets, which no address may hold. */
export const placeholder = (name: string): string => `<${name}>`;
export const isPlaceholder = (address: string): boolean => address.startsWith('<');

/** The display name of an id the answer mentions, or the id itself. */
export const labelOf = (answer: Pick<Answer, 'labels'>) => (id: string): string => answer.labels[id] ?? id;

/** A source address that stands for anywhere: the inventory's "internet" (Windows Firewall's Any; the audit's any). */
export const ANY_ADDRESS = 'any';

/**
 * Each rule with the addresses of its ends: the inventory's, or a placeholder. A rule's source
 * addresses are where its connections come from: the inventory's connectsFrom for that source,
 * destination and mode when it has one (the internet, a NAT or proxy address), else the source's own.
 */
export function withAddresses({ answer, inventory }: ExportSource): AddressedRule[] {
  const label = labelOf(answer);
  const addresses = (component: string) => inventory?.hosts[component] ?? [placeholder(label(component))];
  const connectsFrom = (rule: Rule) => connectsFromOf(inventory, rule)?.map((from) => (from === FROM_INTERNET ? ANY_ADDRESS : from));
  return answer.rules.map((rule) => ({
    ...rule,
    sourceAddresses: connectsFrom(rule) ?? addresses(rule.source),
    destinationAddresses: addresses(rule.destination),
  }));
}

/** Where a rule's connections come from by the inventory's connectsFrom (`internet`, addresses), when it says. */
export function connectsFromOf(inventory: Pick<Inventory, 'connectsFrom'> | undefined, rule: Pick<Rule, 'mode' | 'source' | 'destination'>): string[] | undefined {
  return inventory?.connectsFrom.find(
    (entry) => entry.source === rule.source && (entry.destination ?? rule.destination) === rule.destination && (entry.modes?.includes(rule.mode) ?? true),
  )?.from;
}

/** The columns of the tabular exports: a key for CSV headers and a title for Markdown. */
export function exportColumns(rules: readonly Rule[]): { key: string; title: string }[] {
  const columns = [
    { key: 'mode', title: 'Mode' },
    { key: 'service', title: 'Service' },
    { key: 'ports', title: 'Ports' },
    { key: 'protocol', title: 'Protocol' },
    { key: 'source', title: 'Source' },
    { key: 'source_addresses', title: 'Source addresses' },
    { key: 'destination', title: 'Destination' },
    { key: 'destination_addresses', title: 'Destination addresses' },
    { key: 'note', title: 'Notes' },
  ];
  // A diff's rules say which are added and which removed: without that, a removed rule would read as needed.
  return rules.some((r) => r.change) ? [...columns, { key: 'change', title: 'Change' }] : columns;
}

/** One rule as the cells of exportColumns; `name` turns ids into what the format shows. */
export function exportCells(rule: AddressedRule, columnCount: number, name: (id: string) => string): string[] {
  const cells = [
    name(rule.mode), rule.service, rule.ports, rule.protocol,
    name(rule.source), rule.sourceAddresses.join(' '),
    name(rule.destination), rule.destinationAddresses.join(' '),
    rule.note ?? '', rule.change ?? '',
  ];
  return cells.slice(0, columnCount);
}
