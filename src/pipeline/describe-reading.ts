import type { Knowledge } from '../knowledge/build';
import type { Plan } from './classify';
import type { Reading } from './read-question';
import { endsOf } from './select-flows';

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** What the question selects by: the ends (components) and what flows between them (services, ports, protocols). */
export function describeSubject(reading: Reading, knowledge: Knowledge): { ends: string; what: string[] } {
  const name = (id: string) => knowledge.names.get(id) ?? id;
  const names = (ids: Iterable<string>) => list([...ids].map(name));
  const parts: string[] = [];
  const ends = endsOf(reading);
  const endsText =
    ends.among && reading.components.length > 1
      ? `between ${names(ends.among)}`
      : ends.among
        ? names(ends.among)
        : [ends.sources && `from ${names(ends.sources)}`, ends.destinations && `to ${names(ends.destinations)}`].filter(Boolean).join(' ');
  const serviceNames = reading.services.map((id) => knowledge.matrix.services.find((s) => s.id === id)?.name ?? id);
  if (serviceNames.length) parts.push(`${list([...new Set(serviceNames)])} service`);
  const ports = [...reading.ports.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)), ...reading.foreignPorts];
  if (ports.length) parts.push(`port${ports.length > 1 ? 's' : ''} ${list(ports)}`);
  const protocols = [...reading.protocols, ...reading.transports.map((t) => t.toUpperCase())];
  if (protocols.length) parts.push(list(protocols));
  const serviceName = (id: string) => knowledge.matrix.services.find((s) => s.id === id)?.name ?? id;
  const excluded = reading.excluded.map(({ kind, id }) => (kind === 'service' ? serviceName(id) : kind === 'transport' ? id.toUpperCase() : name(id)));
  if (excluded.length) parts.push(`except ${list([...new Set(excluded)])}`);
  return { ends: endsText, what: parts };
}

/**
 * The question as the engine read it, in one line ("DLO Edge Server, occasional BOI, both
 * directions"), so that a misreading shows at once.
 */
export function describeReading(reading: Reading, plan: Plan, knowledge: Knowledge): string {
  const names = (ids: Iterable<string>) => list([...ids].map((id) => knowledge.names.get(id) ?? id));
  const parts: string[] = [];
  if (plan.kind === 'diff') parts.push(`changes from ${names([plan.from])} to ${names([plan.to])}`);
  if (plan.kind === 'explain') parts.push(`what ${names(plan.modes)} ${plan.modes.length > 1 ? 'mean' : 'means'}`);
  if (plan.kind === 'select' && plan.intent === 'check') parts.push('is it needed?');
  const subject = describeSubject(reading, knowledge);
  parts.push(subject.ends, ...subject.what);
  if (plan.kind === 'select' || plan.kind === 'clarify') {
    const modes = plan.modes;
    parts.push(modes.length === knowledge.matrix.modes.length ? 'all modes' : names(modes));
  }
  if (plan.kind === 'select' && reading.components.length === 1) {
    const ends = endsOf(reading);
    parts.push(ends.sources ? 'outbound' : ends.destinations ? 'inbound' : 'both directions');
  }
  if (reading.format) parts.push(`as ${reading.format}`);
  return parts.filter(Boolean).join(', ') || 'nothing from the port matrix';
}
