import type { Answer, Rule } from '../answer';
import type { Catalog } from '../engine';
import { formatPorts, rangesOverlap, type PortRange } from '../knowledge/ports';
import type { CsvProblem } from './csv-parse';
import { addressCoveredBy, addressesOverlap, ANY_ADDRESSES, parseHostAddress, type HostAddress } from './host-address';
import { connectsFromOf } from './addressed-rules';
import { FROM_INTERNET, type Inventory } from './inventory-schema';
import { rulePorts, subtractRanges } from './port-set';
import type { Endpoint, ExistingRule } from './read-rule-set';
import { abbreviate, listed } from './report-text';

/** Ports of a required flow that no rule allows; `source`/`destination` name the address when not all of a component's are concerned. */
export interface FlowGap {
  transports: string[];
  ports: string;
  source?: string;
  destination?: string;
}

export interface FlowCoverage extends Rule {
  status: 'covered' | 'partial' | 'missing';
  /** The lines of the rules that allow some of it. */
  lines: number[];
  gaps: FlowGap[];
}

/** What a rule allows beyond the matrix: an endpoint wider than the components it stands for, or more ports. */
export type Excess =
  | { kind: 'any-address'; side: 'source' | 'destination'; address: string }
  | { kind: 'wide-address'; side: 'source' | 'destination'; address: string; components: string[] }
  | { kind: 'unknown-address'; side: 'source' | 'destination'; address: string }
  | { kind: 'extra-ports'; transports: string[]; ports: string; source: string; destination: string };

export interface BroaderRule {
  line: number;
  cells: ExistingRule['cells'];
  excess: Excess[];
}

export interface AuditReport {
  /** What the required flows are: "DLO Edge Server, occasional BOI". */
  scope: string;
  modes: string[];
  flows: FlowCoverage[];
  broader: BroaderRule[];
  unparsed: CsvProblem[];
  /** Display names of the ids the report mentions. */
  labels: Readonly<Record<string, string>>;
}

/** One host a required flow must reach: an inventory address of its component, or the component by name alone. */
interface Atom {
  component: string;
  address?: HostAddress;
}

/** What one endpoint of a rule stands for: the components it reaches, and how it is wider than they are. */
interface Roles {
  components: string[];
  excess?: Excess;
}

const parsed = (text: string) => parseHostAddress(text) as HostAddress; // inventories hold checked addresses only

/**
 * The gaps of one flow, said briefly: no addresses where every address pair misses the same ports,
 * and one gap for TCP and UDP where both miss the same.
 */
function gapsOf(missingFor: ReadonlyMap<string, { source: Atom; destination: Atom }[]>, sources: number, destinations: number): FlowGap[] {
  const merged = new Map<string, FlowGap>();
  const addressOf = (atom: Atom, of: number) => (of > 1 ? atom.address?.text : undefined);
  for (const [key, where] of missingFor) {
    const [transport, ports] = key.split('|');
    const places: { source?: string; destination?: string }[] =
      where.length === sources * destinations ? [{}] : where.map((w) => ({ source: addressOf(w.source, sources), destination: addressOf(w.destination, destinations) }));
    for (const place of places) {
      const gap: FlowGap = { transports: [transport], ports, ...(place.source ? { source: place.source } : {}), ...(place.destination ? { destination: place.destination } : {}) };
      const same = `${ports}|${gap.source ?? ''}|${gap.destination ?? ''}`;
      const existing = merged.get(same);
      if (existing) existing.transports.push(transport);
      else merged.set(same, gap);
    }
  }
  return [...merged.values()];
}

/**
 * Audits an existing rule set against the rules an answer requires (engine.browse of one mode):
 * per required flow whether the rows cover it, and per row what it allows beyond every flow.
 */
export function auditRuleSet(input: {
  required: Pick<Answer, 'rules' | 'modes' | 'labels' | 'understood'>;
  rules: readonly ExistingRule[];
  unparsed: readonly CsvProblem[];
  catalog: Pick<Catalog, 'components' | 'protocols'>;
  inventory?: Inventory;
}): AuditReport {
  const { required, rules, catalog, inventory } = input;
  const transportsOf = new Map(catalog.protocols.map((p) => [p.id, p.transports]));
  const flows = required.rules.map((rule) => ({ rule, ranges: rulePorts(rule.ports), transports: transportsOf.get(rule.protocol) ?? [] }));
  // Parsed once per component: every endpoint of every row asks again.
  const parsedAddresses = new Map<string, HostAddress[]>();
  const addressesOf = (component: string) => {
    if (!parsedAddresses.has(component)) parsedAddresses.set(component, (inventory?.hosts[component] ?? []).map(parsed));
    return parsedAddresses.get(component) as HostAddress[];
  };
  const atomsOf = (component: string): Atom[] => {
    const addresses = addressesOf(component);
    return addresses.length ? addresses.map((address) => ({ component, address })) : [{ component }];
  };
  // Where the inventory says a flow's connections come from (the internet: every address), the rows
  // must allow that, not the source's own addresses: the clients' office subnets keep out a laptop at home.
  const sourceAtomsOf = (rule: Rule): Atom[] => {
    const from = connectsFromOf(inventory, rule);
    if (!from) return atomsOf(rule.source);
    return from.flatMap((entry) => (entry === FROM_INTERNET ? ANY_ADDRESSES : [parsed(entry)])).map((address) => ({ component: rule.source, address }));
  };
  // A row covers a host when it allows any host, names its component, or its addresses together hold it.
  const covers = (endpoints: Endpoint[], atom: Atom) =>
    endpoints.some((e) => e.kind === 'any' || (e.kind === 'component' && e.id === atom.component)) ||
    (atom.address !== undefined && addressCoveredBy(atom.address, endpoints.flatMap((e) => (e.kind === 'address' ? [e.address] : []))));

  const coverage = flows.map(({ rule, ranges, transports }): FlowCoverage => {
    const sources = sourceAtomsOf(rule);
    const destinations = atomsOf(rule.destination);
    const lines = new Set<number>();
    const missingFor = new Map<string, { source: Atom; destination: Atom }[]>(); // "transport|ports" → where
    for (const source of sources)
      for (const destination of destinations)
        for (const transport of transports) {
          const allowing = rules.filter((r) => r.transports.includes(transport) && covers(r.sources, source) && covers(r.destinations, destination));
          const missing = subtractRanges(ranges, allowing.flatMap((r) => r.ranges));
          for (const r of allowing) if (r.ranges.some((a) => ranges.some((b) => rangesOverlap(a, b)))) lines.add(r.line);
          if (missing.length) {
            const key = `${transport}|${formatPorts(missing)}`;
            missingFor.set(key, [...(missingFor.get(key) ?? []), { source, destination }]);
          }
        }
    const gaps = gapsOf(missingFor, sources.length, destinations.length);
    const status = gaps.length === 0 ? 'covered' : lines.size === 0 ? 'missing' : 'partial';
    return { ...rule, status, lines: [...lines].sort((a, b) => a - b), gaps };
  });

  const allComponents = catalog.components.map((c) => c.id);
  function rolesOf(endpoint: Endpoint, side: 'source' | 'destination'): Roles {
    if (endpoint.kind === 'component') return { components: [endpoint.id] };
    const wanted = endpoint.kind === 'any' ? ANY_ADDRESSES : [endpoint.address];
    // It stands for every component it reaches (each role of a shared host); it is too wide where
    // it reaches hosts that none of their addresses hold.
    const touched = endpoint.kind === 'any' ? allComponents : allComponents.filter((c) => addressesOf(c).some((a) => addressesOverlap(a, endpoint.address)));
    const held = touched.flatMap(addressesOf);
    if (touched.length && wanted.every((w) => addressCoveredBy(w, held))) return { components: touched };
    if (endpoint.kind === 'any') return { components: touched, excess: { kind: 'any-address', side, address: endpoint.text } };
    if (touched.length) return { components: touched, excess: { kind: 'wide-address', side, address: endpoint.text, components: touched } };
    return { components: [], excess: { kind: 'unknown-address', side, address: endpoint.text } };
  }

  const broader = rules.flatMap((rule): BroaderRule[] => {
    // Endpoints that stand for the same components are one finding, whatever the number of addresses
    // a cell lists: a row's findings are bounded by the matrix, not by its cells.
    const sourceRoles = rule.sources.map((e) => ({ endpoint: e, roles: rolesOf(e, 'source') }));
    const destinationRoles = rule.destinations.map((e) => ({ endpoint: e, roles: rolesOf(e, 'destination') }));
    const excess: Excess[] = mergedExcess([...sourceRoles, ...destinationRoles].map(({ roles }) => roles));
    const sources = byRoles(sourceRoles);
    const destinations = byRoles(destinationRoles);
    for (const source of sources)
      for (const destination of destinations) {
        const extra = new Map<string, string[]>();
        for (const transport of rule.transports) {
          const needed: PortRange[] = flows
            .filter((f) => f.transports.includes(transport) && source.roles.components.includes(f.rule.source) && destination.roles.components.includes(f.rule.destination))
            .flatMap((f) => f.ranges);
          const beyond = subtractRanges(rule.ranges, needed);
          // The same extra ports over TCP and UDP make one finding.
          if (beyond.length) extra.set(formatPorts(beyond), [...(extra.get(formatPorts(beyond)) ?? []), transport]);
        }
        if (source.roles.components.length && destination.roles.components.length)
          for (const [ports, transports] of extra) excess.push({ kind: 'extra-ports', transports, ports, source: source.endpoint.text, destination: destination.endpoint.text });
      }
    const cells = Object.fromEntries(Object.entries(rule.cells).map(([column, text]) => [column, abbreviate(text)])) as ExistingRule['cells'];
    return excess.length ? [{ line: rule.line, cells, excess }] : [];
  });

  return { scope: required.understood, modes: required.modes, flows: coverage, broader, unparsed: [...input.unparsed], labels: required.labels };
}

/** Endpoints grouped by the components they stand for; each group is named by its endpoints' texts. */
function byRoles(endpoints: { endpoint: Endpoint; roles: Roles }[]): { endpoint: { text: string }; roles: Roles }[] {
  const groups = new Map<string, { texts: string[]; roles: Roles }>();
  for (const { endpoint, roles } of endpoints) {
    const key = roles.components.join(',');
    const group = groups.get(key);
    if (group) group.texts.push(endpoint.text);
    else groups.set(key, { texts: [endpoint.text], roles });
  }
  return [...groups.values()].map(({ texts, roles }) => ({ endpoint: { text: listed(texts) }, roles }));
}

/** The addresses of a row that are too wide, one finding per side and kind (and components), listing them. */
function mergedExcess(roles: readonly Roles[]): Excess[] {
  const merged = new Map<string, { excess: Excess; addresses: string[] }>();
  for (const { excess } of roles) {
    if (!excess || excess.kind === 'extra-ports') continue;
    const key = `${excess.kind}|${excess.side}|${excess.kind === 'wide-address' ? excess.components.join(',') : ''}`;
    const entry = merged.get(key);
    if (entry) entry.addresses.push(excess.address);
    else merged.set(key, { excess, addresses: [excess.address] });
  }
  return [...merged.values()].map(({ excess, addresses }) => ({ ...excess, address: listed(addresses) }));
}

/** Whether a required flow is missing or partly missing: the audit's failure. */
export function somethingMissing(report: Pick<AuditReport, 'flows'>): boolean {
  return report.flows.some((f) => f.status !== 'covered');
}
