import type { Knowledge } from '../knowledge/build';
import type { Query } from '../reading/query';
import { fill, list } from './messages';
import { endsOf } from './select-flows';

/** What the question selects by: the ends (components) and what flows between them (services, ports, protocols). */
export function describeSubject(query: Query, knowledge: Knowledge): { ends: string; what: string[] } {
  const words = knowledge.language.messages.understood;
  const name = (id: string) => knowledge.names.get(id) ?? id;
  const names = (ids: Iterable<string>) => list([...ids].map(name), words);
  const serviceName = (id: string) => knowledge.matrix.services.find((s) => s.id === id)?.name ?? id;
  const noteText = (id: string) => knowledge.matrix.notes.find((n) => n.id === id)?.text ?? id;
  const previous = (text: string, slot: Query['took'][number]) => (text && query.took.includes(slot) ? fill(words.previous, { slot: text }) : text);
  const ends = endsOf(query);
  const endsText =
    ends.among
      ? fill(words.between, { list: names(ends.among) })
      : ends.either
        ? names(ends.either)
        : [ends.sources && fill(words.from, { list: names(ends.sources) }), ends.destinations && fill(words.to, { list: names(ends.destinations) })].filter(Boolean).join(' ');
  const parts: string[] = [];
  if (query.services.length) parts.push(fill(words.service, { list: list([...new Set(query.services.map((s) => serviceName(s.id)))], words) }));
  if (query.conditions.length) parts.push(fill(words.condition, { list: list(query.conditions.map((c) => noteText(c.id)), words) }));
  const ports = [...query.ports.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)), ...query.foreignPorts.map((p) => p.text)];
  if (ports.length) parts.push(fill(ports.length > 1 ? words.ports : words.port, { list: list(ports, words) }));
  const protocols = [...query.protocols.map((p) => p.id), ...query.transports.map((t) => t.id.toUpperCase())];
  if (protocols.length) parts.push(previous(list(protocols, words), 'transports'));
  const excluded = query.exclusions.map(({ kind, id }) =>
    kind === 'service' ? serviceName(id) : kind === 'transport' ? id.toUpperCase() : kind === 'condition' ? noteText(id) : kind === 'port' ? id : name(id),
  );
  if (excluded.length) parts.push(fill(words.except, { list: list([...new Set(excluded)], words) }));
  return { ends: previous(endsText, 'components'), what: parts.map((p, i) => (i === 0 && query.took.includes('ports') ? previous(p, 'ports') : p)) };
}

/**
 * The question as the engine read it, in one line ("DLO Edge Server, occasional BOI, both
 * directions"), so that a misreading shows at once; slots taken from the previous question say so.
 * `subject` is describeSubject's, when the caller has it already.
 */
export function describeQuery(query: Query, knowledge: Knowledge, subject = describeSubject(query, knowledge)): string {
  const words = knowledge.language.messages.understood;
  const names = (ids: Iterable<string>) => list([...ids].map((id) => knowledge.names.get(id) ?? id), words);
  const previous = (text: string, slot: Query['took'][number]) => (text && query.took.includes(slot) ? fill(words.previous, { slot: text }) : text);
  const modes = query.modes.map((m) => m.id);
  const parts: string[] = [];
  if (query.intent === 'diff' && query.change) {
    // One end taken from the previous question ("which mode do you move from?" - "from occasional") is marked alone.
    const { from, to } = query.change;
    const taken = query.took.includes('change');
    const whole = taken && !from.span && !to.span;
    const end = (ref: typeof from) => (taken && !whole && !ref.span ? fill(words.previous, { slot: names([ref.id]) }) : names([ref.id]));
    const text = fill(words.changes, { from: end(from), to: end(to) });
    parts.push(whole ? fill(words.previous, { slot: text }) : text);
  }
  if (query.intent === 'explain') parts.push(fill(modes.length > 1 ? words.explainMany : words.explainOne, { modes: names(modes) }));
  if (query.intent === 'check') parts.push(previous(words.isItNeeded, 'check'));
  parts.push(subject.ends, ...subject.what);
  if (query.everything && !subject.ends && !subject.what.length && query.intent === 'mode') parts.push(words.everything);
  if (query.intent !== 'diff' && query.intent !== 'explain' && (query.status !== 'unknown' || query.modes.some((m) => m.how !== 'all')) && modes.length) {
    parts.push(previous(modes.length === knowledge.matrix.modes.length ? words.allModes : names(modes), 'modes'));
  }
  if (query.status === 'answered' && query.intent !== 'diff' && (query.components.length === 1 || query.apart)) {
    const ends = endsOf(query);
    parts.push(previous(ends.sources ? words.outbound : ends.destinations ? words.inbound : words.bothDirections, 'direction'));
  }
  if (query.format) parts.push(previous(fill(words.format, { format: query.format.id }), 'format'));
  return parts.filter(Boolean).join(words.comma) || words.nothing;
}
