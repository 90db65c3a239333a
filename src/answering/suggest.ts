import type { Knowledge } from '../knowledge/build';
import type { Flow } from '../knowledge/expand-flows';
import type { AlternativeReading, Query } from '../reading/query';
import { fill } from './messages';

/** Values the example templates are filled with, chosen from the matrix, never from code. */
interface Picks {
  component: string;
  otherComponent: string;
  mode: string;
  otherMode: string;
  port: string;
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}

// Picks depend only on the knowledge and the mode: worked out once, not on every question.
const picked = new WeakMap<Knowledge, Map<string, Picks>>();

function pick(knowledge: Knowledge, mode?: string): Picks {
  let byMode = picked.get(knowledge);
  if (!byMode) picked.set(knowledge, (byMode = new Map()));
  let picks = byMode.get(mode ?? '');
  if (!picks) byMode.set(mode ?? '', (picks = computePicks(knowledge, mode)));
  return picks;
}

/** The most telling examples: the mode with the most rules, its busiest component, a rare port. */
function computePicks(knowledge: Knowledge, mode?: string): Picks {
  const { flows, names, matrix } = knowledge;
  const richest = mode ?? mostCommon(flows.map((f) => f.mode));
  const inMode = flows.filter((f) => f.mode === richest);
  const component = mostCommon(inMode.flatMap((f) => [f.source, f.destination]));
  const partner = mostCommon(inMode.filter((f) => f.source === component || f.destination === component).map((f) => (f.source === component ? f.destination : f.source)));
  const uses = (port: number) => flows.filter((f: Flow) => f.ranges.some((r) => r.from === port)).length;
  const rarest = [...new Set(flows.map((f) => f.ranges[0].from))].sort((a, b) => uses(a) - uses(b) || a - b)[0];
  const otherMode = matrix.modes.map((m) => m.id).find((m) => m !== richest) ?? richest;
  return {
    component: names.get(component) ?? component,
    otherComponent: names.get(partner) ?? partner,
    mode: names.get(richest) ?? richest,
    otherMode: names.get(otherMode) ?? otherMode,
    port: String(rarest),
  };
}

const madeExamples = new WeakMap<Knowledge, string[]>();

/** Example questions for help texts, welcome messages and the web page (made once per knowledge). */
export function examples(knowledge: Knowledge): string[] {
  let made = madeExamples.get(knowledge);
  if (!made) madeExamples.set(knowledge, (made = makeExamples(knowledge)));
  return made;
}

function makeExamples(knowledge: Knowledge): string[] {
  const picks = pick(knowledge);
  const { templates } = knowledge.language;
  const firstMode = knowledge.matrix.modes[0]?.id;
  return [
    fill(templates.component, { ...picks }),
    fill(templates.check, { ...picks, mode: knowledge.names.get(firstMode) ?? firstMode }),
    fill(templates.port, { ...picks }),
    fill(templates.pair, { ...picks }),
    fill(templates.diff, { ...picks, mode: picks.otherMode, otherMode: picks.mode }),
    fill(templates.mode, { ...picks }),
    fill(templates.explain, { ...picks }),
  ];
}

/** One reading the engine hesitates over, as a question to offer. */
function questionFor(reading: AlternativeReading, knowledge: Knowledge): string {
  const { templates } = knowledge.language;
  const name = (id: string) => knowledge.names.get(id) ?? id;
  const [mode, otherMode] = reading.modes.map(name);
  const [component, otherComponent] = reading.components.map(name);
  const picks = { ...pick(knowledge, reading.modes.length === 1 ? reading.modes[0] : undefined), ...(mode ? { mode } : {}) };
  switch (reading.kind) {
    case 'diff':
      return component ? fill(templates.componentDiff, { component, mode, otherMode }) : fill(templates.diff, { mode, otherMode });
    case 'pair':
      return fill(mode ? templates.pairInMode : templates.pair, { ...picks, component, otherComponent });
    case 'component':
      return fill(mode ? templates.component : templates.componentAllModes, { ...picks, component });
    default:
      return component ? fill(templates.component, { ...picks, component }) : fill(templates.mode, picks);
  }
}

/** Questions to offer instead of one the engine could not answer as asked. */
/** The components a generic noun could mean ("server": every component named "... Server"), else all. */
export function componentsFitting(query: Query, knowledge: Knowledge): Knowledge['matrix']['components'] {
  const noun = (query.vagueNoun?.text ?? '').toLowerCase().replace(/s$/, '');
  const components = knowledge.matrix.components;
  const fitting = components.filter((c) => c.name.toLowerCase().split(/\W+/).includes(noun));
  return fitting.length ? fitting : components;
}

export function suggestionsFor(query: Query, knowledge: Knowledge): string[] {
  const { templates } = knowledge.language;
  const modes = query.modes.map((m) => m.id);
  const all = knowledge.matrix.modes.map((m) => m.id);
  if (query.readings.length) return [...new Set(query.readings.map((r) => questionFor(r, knowledge)))];
  if (query.status === 'clarify' && query.reason === 'diff-needs-two-modes') {
    const name = (id: string) => knowledge.names.get(id) ?? id;
    // Keep what the question fixed ("from non-BOI", "to exclusive BOI") and offer the rest.
    const named = query.modes.filter((m) => m.how !== 'all');
    const from = named.find((m) => m.role === 'from')?.id;
    const to = named.find((m) => m.role === 'to')?.id ?? (from ? undefined : named.length === 1 ? named[0].id : undefined);
    const froms = from ? [from] : to ? all : named.length ? named.map((m) => m.id) : all;
    const tos = to ? [to] : named.length ? named.map((m) => m.id) : all;
    const pairs = froms.flatMap((f) => tos.filter((t) => t !== f).map((t) => [f, t] as const));
    return pairs.slice(0, 4).map(([f, t]) => fill(templates.diff, { ...pick(knowledge), mode: name(f), otherMode: name(t) }));
  }
  if (query.status === 'clarify' && query.reason === 'which-component') {
    const picks = pick(knowledge, modes.length === 1 ? modes[0] : undefined);
    return componentsFitting(query, knowledge).slice(0, 6).map((c) => fill(templates.component, { ...picks, component: c.name }));
  }
  if (query.status === 'clarify' && modes.length === 1) {
    const picks = pick(knowledge, modes[0]);
    return [fill(templates.component, { ...picks }), fill(templates.mode, { ...picks }), fill(templates.check, { ...picks }), fill(templates.pair, { ...picks })];
  }
  return examples(knowledge).slice(0, 5);
}
