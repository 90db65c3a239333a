import type { Query } from '../../src/reading/query';
import { readQuestion } from '../../src/reading/read-question';
import { Speller } from '../../src/reading/spell';
import { knowledge } from './engine';

const words = knowledge.language.words;
const smallWords = [...new Set(Object.values(words).flat())].filter((w) => !w.includes(' ') && w.length <= 5).sort((a, b) => a.length - b.length);
const speller = new Speller(knowledge.phrases.words, knowledge.phrases.nameWords, smallWords);

/** The Query a question is read as, with the refiners' trace. */
export function read(question: string): { query: Query; trace: { refiner: string; decision: string; words: string[] }[] } {
  const reading = readQuestion(question, knowledge, speller, { trace: true });
  if (!reading.ok) throw new Error(`refused: ${reading.reason}`);
  return { query: reading.query, trace: reading.trace ?? [] };
}

/**
 * The Query as a test compares it, exactly: every slot that holds something, ids without spans.
 * A component's role shows as "source>"/">destination"; dropped words as "why: words".
 */
export function slots(question: string): Record<string, unknown> {
  const { query: q } = read(question);
  const ids = (refs: readonly { id: string }[]) => refs.map((r) => r.id);
  const out: Record<string, unknown> = { status: q.status, intent: q.intent };
  if (q.reason) out.reason = q.reason;
  out.ask = q.ask;
  if (q.modes.some((m) => m.how !== 'all')) out.modes = q.modes.map((m) => `${m.id}${m.how === 'named' ? '' : ` (${m.how})`}`);
  if (q.change) out.change = `${q.change.from.id} > ${q.change.to.id}`;
  if (q.components.length) out.components = q.components.map((c) => (c.role === 'source' ? `${c.id}>` : c.role === 'destination' ? `>${c.id}` : c.id));
  if (q.apart) out.apart = true;
  if (q.direction) out.direction = q.direction.value;
  if (q.ports.length) out.ports = q.ports.map((p) => (p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`));
  for (const key of ['services', 'protocols', 'transports', 'conditions'] as const) if (q[key].length) out[key] = ids(q[key]);
  if (q.exclusions.length) out.exclusions = q.exclusions.map((e) => `${e.kind}:${e.id}`);
  if (q.everything) out.everything = true;
  if (q.format) out.format = q.format.id;
  if (q.reversed) out.reversed = true;
  if (q.vagueNoun) out.vagueNoun = q.vagueNoun.text;
  if (q.foreign.length) out.foreign = q.foreign.map((f) => f.text);
  if (q.foreignPorts.length) out.foreignPorts = q.foreignPorts.map((p) => p.text);
  if (q.topic) out.topic = q.topic.text;
  if (q.place) out.place = q.place.text;
  if (q.readings.length) out.readings = q.readings.map((r) => `${r.kind}: ${[...r.components, ...r.modes].join(', ')}`);
  if (q.fragment) out.fragment = true;
  return out;
}

/** The refiners that decided something on this question, in order. */
export const decidedBy = (question: string) => [...new Set(read(question).trace.map((t) => t.refiner))];
