import type { Flow } from '../knowledge/expand-flows';
import { parsePortSpec, rangesOverlap } from '../knowledge/ports';
import type { Exclusion, Query } from '../reading/query';

/** Which components may stand at each end of a flow; undefined: any. */
export interface Ends {
  sources?: Set<string>;
  destinations?: Set<string>;
  /** Between: both ends from this set (either direction). */
  among?: Set<string>;
  /** Either end from this set: one component, or several asked each on its own. */
  either?: Set<string>;
}

/**
 * The ends the question asks about. "From A to B" fixes both; "between A and B" takes either
 * direction; a component marked only on one side puts the unmarked ones on the other; one
 * component alone is at either end unless the question says inbound or outbound.
 */
export function endsOf(query: Pick<Query, 'components' | 'direction' | 'apart'>): Ends {
  const { components } = query;
  if (components.length === 0) return {};
  const ids = (role?: string) => new Set(components.filter((c) => c.role === role).map((c) => c.id));
  if (components.length === 1 || query.apart) {
    const all = new Set(components.map((c) => c.id));
    const role = components[0].role ?? (query.direction?.value === 'in' ? 'destination' : query.direction?.value === 'out' ? 'source' : undefined);
    if (role === 'source') return { sources: all };
    if (role === 'destination') return { destinations: all };
    return { either: all };
  }
  const sources = ids('source');
  const destinations = ids('destination');
  const unmarked = ids(undefined);
  if (sources.size === 0 && destinations.size === 0) return { among: unmarked };
  const markedSources = sources.size > 0;
  const markedDestinations = destinations.size > 0;
  for (const id of unmarked) {
    if (!markedSources || markedDestinations) sources.add(id);
    if (!markedDestinations || markedSources) destinations.add(id);
  }
  return { ...(sources.size ? { sources } : {}), ...(destinations.size ? { destinations } : {}) };
}

/** Whether a flow has something the question leaves out ("not HTTPS", "except the clients", "besides 3999"). */
function ruledOut(flow: Flow, exclusions: readonly Exclusion[], transports: readonly string[]): boolean {
  // "the TCP ports, separate from UDP": a TCP/UDP row is one of the TCP rows asked for.
  const asked = transports.some((t) => flow.transports.includes(t));
  return exclusions.some(({ kind, id }) =>
    kind === 'component' ? flow.source === id || flow.destination === id
    : kind === 'mode' ? flow.mode === id
    : kind === 'service' ? flow.serviceId === id
    : kind === 'protocol' ? flow.protocol === id
    : kind === 'condition' ? flow.noteIds.includes(id)
    : kind === 'port' ? flow.ranges.some((r) => rangesOverlap(r, parsePortSpec(id)))
    : flow.transports.includes(id) && !asked,
  );
}

/** Whether any of a flow's ranges overlaps any of the asked ones. */
function overlapsAny(ranges: readonly { from: number; to: number }[], asked: readonly { from: number; to: number }[]): boolean {
  for (const a of asked) for (const r of ranges) if (rangesOverlap(r, a)) return true;
  return false;
}

/** Flows of one mode, in their order, and those of them each component stands at (either end). */
interface ModeRun {
  mode: string;
  flows: Flow[];
  touching: Map<string, Flow[]>;
}

// The flows in runs of one mode, in their order (expandFlows lists them mode by mode): a question
// names one or two modes, and the flows of the others need no look. Made once per flow list.
const modeRuns = new WeakMap<readonly Flow[], ModeRun[]>();

function runsOf(flows: readonly Flow[]): ModeRun[] {
  let runs = modeRuns.get(flows);
  if (runs) return runs;
  runs = [];
  for (const flow of flows) {
    let run = runs[runs.length - 1];
    if (run?.mode !== flow.mode) runs.push((run = { mode: flow.mode, flows: [], touching: new Map() }));
    run.flows.push(flow);
    for (const component of flow.source === flow.destination ? [flow.source] : [flow.source, flow.destination]) {
      const touching = run.touching.get(component);
      if (touching) touching.push(flow);
      else run.touching.set(component, [flow]);
    }
  }
  modeRuns.set(flows, runs);
  return runs;
}

/** The one component every selected flow must stand at, when an end names just one (most questions). */
function theOne(...ends: (Set<string> | undefined)[]): string | undefined {
  for (const set of ends) if (set?.size === 1) return set.values().next().value;
  return undefined;
}

/** Every flow of the given modes that matches all the Query names: ends, ports, services, protocols, conditions. */
export function selectFlows(flows: Flow[], query: Query, modes: readonly string[]): Flow[] {
  // Read once, not per flow: the Query and the ends take many shapes, and each property read of them is a slow one.
  const { sources, destinations, among, either } = endsOf(query);
  const { ports, exclusions } = query;
  const services = query.services.map((s) => s.id);
  const protocols = query.protocols.map((p) => p.id);
  const transports = query.transports.map((t) => t.id);
  const conditions = query.conditions.map((c) => c.id);
  const protocolAsked = protocols.length + transports.length > 0;
  // Each check of the ends below passes only flows that stand at a lone component they name: only those are looked at.
  const one = theOne(sources, destinations, among, either);
  const selected: Flow[] = [];
  // Plain loops: this runs over the flows of the asked modes for every question.
  for (const run of runsOf(flows)) {
    if (!modes.includes(run.mode)) continue;
    for (const flow of one === undefined ? run.flows : (run.touching.get(one) ?? [])) {
      if (sources && !sources.has(flow.source)) continue;
      if (destinations && !destinations.has(flow.destination)) continue;
      if (among && !(among.has(flow.source) && among.has(flow.destination))) continue;
      if (either && !(either.has(flow.source) || either.has(flow.destination))) continue;
      if (ports.length && !overlapsAny(flow.ranges, ports)) continue;
      if (services.length && !services.includes(flow.serviceId)) continue;
      if (conditions.length && !conditions.some((c) => flow.noteIds.includes(c))) continue;
      if (protocolAsked && !protocols.includes(flow.protocol) && !transports.some((t) => flow.transports.includes(t))) continue;
      if (exclusions.length && ruledOut(flow, exclusions, transports)) continue;
      selected.push(flow);
    }
  }
  return selected;
}

type FlowChange = { flow: Flow; change: 'added' | 'removed' };

// A change between two modes depends on the flow list alone: worked out once per pair of modes.
// A conversation's context may name modes the knowledge lacks: past this many pairs the memo starts again.
const diffs = new WeakMap<readonly Flow[], Map<string, readonly FlowChange[]>>();
const MAX_PAIRS = 100;

/** The flows that appear (added) or disappear (removed) going from one mode to another (shared: do not change it). */
export function diffFlows(flows: Flow[], from: string, to: string): readonly FlowChange[] {
  let byPair = diffs.get(flows);
  if (!byPair) diffs.set(flows, (byPair = new Map()));
  const pair = `${from}\u0000${to}`;
  let changes = byPair.get(pair);
  if (!changes) {
    if (byPair.size >= MAX_PAIRS) byPair.clear();
    byPair.set(pair, (changes = Object.freeze(compareModes(flows, from, to))));
  }
  return changes;
}

function compareModes(flows: Flow[], from: string, to: string): FlowChange[] {
  const before = flows.filter((f) => f.mode === from);
  const after = flows.filter((f) => f.mode === to);
  const beforeKeys = new Set(before.map((f) => f.sameFlow));
  const afterKeys = new Set(after.map((f) => f.sameFlow));
  return [
    ...after.filter((f) => !beforeKeys.has(f.sameFlow)).map((flow) => ({ flow, change: 'added' as const })),
    ...before.filter((f) => !afterKeys.has(f.sameFlow)).map((flow) => ({ flow, change: 'removed' as const })),
  ];
}
