import type { Knowledge } from '../knowledge/build';
import type { Flow } from '../knowledge/expand-flows';
import type { Plan } from './classify';

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

function fill(template: string, picks: Picks): string {
  return template.replace(/\{(\w+)\}/g, (_, key: keyof Picks) => picks[key] ?? '');
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
    fill(templates.component, picks),
    fill(templates.check, { ...picks, mode: knowledge.names.get(firstMode) ?? firstMode }),
    fill(templates.port, picks),
    fill(templates.pair, picks),
    fill(templates.diff, { ...picks, mode: picks.otherMode, otherMode: picks.mode }),
    fill(templates.mode, picks),
    fill(templates.explain, picks),
  ];
}

/** Questions to offer instead of one the engine could not answer as asked. */
export function suggestionsFor(plan: Plan, knowledge: Knowledge): string[] {
  const { templates } = knowledge.language;
  if (plan.kind === 'clarify' && plan.reason === 'diff-needs-two-modes') {
    const ids = knowledge.matrix.modes.map((m) => m.id);
    const name = (id: string) => knowledge.names.get(id) ?? id;
    // Keep what the question fixed ("from non-BOI", "to exclusive BOI") and offer the rest.
    const froms = plan.from ? [plan.from] : plan.to ? ids : plan.modes;
    const tos = plan.to ? [plan.to] : plan.modes.length ? plan.modes : ids;
    const pairs = froms.flatMap((from) => tos.filter((to) => to !== from).map((to) => [from, to] as const));
    return pairs.slice(0, 4).map(([from, to]) => fill(templates.diff, { ...pick(knowledge), mode: name(from), otherMode: name(to) }));
  }
  if (plan.kind === 'clarify' && plan.reason === 'which-component') {
    // The components the generic noun could mean ("server": every component named "... Server").
    const noun = (plan.noun ?? '').replace(/s$/, '');
    const all = knowledge.matrix.components;
    const fitting = all.filter((c) => c.name.toLowerCase().split(/\W+/).includes(noun));
    const picks = pick(knowledge, plan.modes.length === 1 ? plan.modes[0] : undefined);
    return (fitting.length ? fitting : all).slice(0, 6).map((c) => fill(templates.component, { ...picks, component: c.name }));
  }
  if (plan.kind === 'clarify' && plan.modes.length === 1) {
    const picks = pick(knowledge, plan.modes[0]);
    return [fill(templates.component, picks), fill(templates.mode, picks), fill(templates.check, picks), fill(templates.pair, { ...picks, mode: picks.mode })];
  }
  return examples(knowledge).slice(0, 5);
}
