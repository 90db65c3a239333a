import type { Rule } from '../answer';
import { formatPorts, parsePortSpec, type PortRange } from './ports';
import type { Matrix } from './schema';

/** A rule as the engine keeps it: the contract's fields plus what selection needs. */
export interface Flow extends Rule {
  /** The contract's rule object, made once and shared by every answer (frozen). */
  rule: Readonly<Rule>;
  serviceId: string;
  ranges: PortRange[];
  transports: string[];
  /** The ids of the matrix's notes on this flow (its conditions and remarks). */
  noteIds: string[];
  /** The same flow in every mode: service, source and destination (what a change between modes compares). */
  sameFlow: string;
}

/**
 * Every source x destination pair of every row, per mode, as the contract defines a rule:
 * no component to itself, and no rule in a mode marked NA.
 */
export function expandFlows(matrix: Matrix): Flow[] {
  const notes = new Map(matrix.notes.map((n) => [n.id, n.text]));
  const transports = new Map(matrix.protocols.map((p) => [p.id, p.transports]));
  const flows: Flow[] = [];
  const seen = new Set<string>();
  for (const mode of matrix.modes) {
    for (const service of matrix.services) {
      const ranges = service.ports.map(parsePortSpec);
      const ports = formatPorts(ranges);
      for (const row of service.rows) {
        const block = row.modes[mode.id];
        if (!block || block === 'NA') continue;
        for (const source of block.sources) {
          for (const destination of block.destinations) {
            const key = `${mode.id}|${service.id}|${source}|${destination}`;
            if (source === destination || seen.has(key)) continue;
            seen.add(key);
            const noteIds = [service.portNote, block.destinationNotes?.[destination]].filter((id): id is string => Boolean(id));
            const remarks = noteIds.map((id) => notes.get(id) ?? id);
            const rule: Rule = {
              mode: mode.id,
              service: service.name,
              ports,
              protocol: service.protocol,
              source,
              destination,
              ...(remarks.length ? { note: remarks.join(' ') } : {}),
            };
            flows.push({
              ...rule,
              rule: Object.freeze(rule),
              serviceId: service.id,
              ranges,
              transports: transports.get(service.protocol) ?? [],
              noteIds,
              sameFlow: `${service.id}|${source}|${destination}`,
            });
          }
        }
      }
    }
  }
  return flows;
}

const changedRules = new WeakMap<Flow, Partial<Record<NonNullable<Rule['change']>, Readonly<Rule>>>>();

/**
 * The contract's rule object, without the engine's bookkeeping. One frozen object per flow (and
 * per change), shared by every answer: renderers key what they build once on these objects.
 */
export function toRule(flow: Flow, change?: Rule['change']): Rule {
  if (!change) return flow.rule;
  let changed = changedRules.get(flow);
  if (!changed) changedRules.set(flow, (changed = {}));
  return (changed[change] ??= Object.freeze({ ...flow.rule, change }));
}
