import type { Knowledge } from '../knowledge/build';
import type { Plan } from './classify';
import type { Reading } from './read-question';
import { endsOf } from './select-flows';

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/**
 * The question as the engine read it, in one line ("DLO Edge Server, occasional BOI, both
 * directions"), so that a misreading shows at once.
 */
export function describeReading(reading: Reading, plan: Plan, knowledge: Knowledge): string {
  const name = (id: string) => knowledge.names.get(id) ?? id;
  const names = (ids: Iterable<string>) => list([...ids].map(name));
  const parts: string[] = [];
  if (plan.kind === 'diff') parts.push(`changes from ${name(plan.from)} to ${name(plan.to)}`);
  if (plan.kind === 'explain') parts.push(`what ${names(plan.modes)} ${plan.modes.length > 1 ? 'mean' : 'means'}`);
  if (plan.kind === 'select' && plan.intent === 'check') parts.push('is it needed?');

  const ends = endsOf(reading);
  if (ends.among && reading.components.length > 1) parts.push(`between ${names(ends.among)}`);
  else if (ends.among) parts.push(names(ends.among));
  else if (ends.sources || ends.destinations)
    parts.push([ends.sources && `from ${names(ends.sources)}`, ends.destinations && `to ${names(ends.destinations)}`].filter(Boolean).join(' '));
  const serviceNames = reading.services.map((id) => knowledge.matrix.services.find((s) => s.id === id)?.name ?? id);
  if (serviceNames.length) parts.push(`${list([...new Set(serviceNames)])} service`);
  const ports = [...reading.ports.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)), ...reading.foreignPorts];
  if (ports.length) parts.push(`port${ports.length > 1 ? 's' : ''} ${list(ports)}`);
  const protocols = [...reading.protocols, ...reading.transports.map((t) => t.toUpperCase())];
  if (protocols.length) parts.push(list(protocols));

  if (plan.kind === 'select' || plan.kind === 'clarify') {
    const modes = plan.modes;
    parts.push(modes.length === knowledge.matrix.modes.length ? 'all modes' : names(modes));
  }
  if (plan.kind === 'select' && reading.components.length === 1)
    parts.push(ends.sources ? 'outbound' : ends.destinations ? 'inbound' : 'both directions');
  const ignored = reading.foreign.map((f) => f.word);
  if (ignored.length && plan.kind === 'select') parts.push(`ignored: ${ignored.join(', ')}`);
  return parts.filter(Boolean).join(', ') || 'nothing from the port matrix';
}
