import type { Intent } from '../answer';
import type { Knowledge } from '../knowledge/build';
import type { Reading } from './read-question';

/** What the engine will do with a question. */
export type Plan =
  | { kind: 'unknown'; reason: 'foreign-port' | 'foreign-subject' | 'off-topic' }
  | { kind: 'clarify'; reason: 'nothing-selected' | 'diff-needs-two-modes' | 'check-needs-subject' | 'which-component'; modes: string[]; from?: string; to?: string; noun?: string }
  | { kind: 'help'; reset?: boolean }
  | { kind: 'explain'; modes: string[] }
  | { kind: 'diff'; from: string; to: string }
  | { kind: 'select'; intent: Exclude<Intent, 'diff' | 'explain' | 'help'>; modes: string[]; everything: boolean };

/** The modes a question names: each mode it names, and a group's ("BOI") unless one of its modes is named. */
export function modesOf(reading: Reading, knowledge: Knowledge): string[] {
  const named = new Set(reading.modes.map((m) => m.id));
  for (const groupId of reading.modeGroups) {
    const group = knowledge.vocabulary.modeGroups.find((g) => g.id === groupId);
    if (group && !group.modes.some((m) => named.has(m))) for (const m of group.modes) named.add(m);
  }
  // In the matrix's order, so that answers read the same whatever the word order.
  return knowledge.matrix.modes.map((m) => m.id).filter((id) => named.has(id));
}

function diffPlan(reading: Reading, modes: string[]): Plan | undefined {
  const marked = reading.modes.some((m) => m.role);
  if (!reading.cues.has('diff') && !(marked && modes.length >= 2)) return undefined;
  if (modes.length === 2) {
    // "from A to B" decides; otherwise the order the question names them in.
    const named = reading.modes.map((m) => m.id).filter((id) => modes.includes(id));
    const order = [...named, ...modes.filter((m) => !named.includes(m))];
    const to = reading.modes.find((m) => m.role === 'to')?.id;
    const from = reading.modes.find((m) => m.role === 'from')?.id ?? order.find((m) => m !== to) ?? order[0];
    return { kind: 'diff', from, to: modes.find((m) => m !== from) ?? modes[1] };
  }
  if (modes.length > 2 || marked) {
    const from = reading.modes.find((m) => m.role === 'from')?.id;
    const to = reading.modes.find((m) => m.role === 'to')?.id;
    return { kind: 'clarify', reason: 'diff-needs-two-modes', modes, ...(from ? { from } : {}), ...(to ? { to } : {}) };
  }
  return undefined;
}

export function classify(reading: Reading, knowledge: Knowledge): Plan {
  const modes = modesOf(reading, knowledge);
  const allModes = knowledge.matrix.modes.map((m) => m.id);
  const selectors = reading.components.length + reading.services.length + reading.ports.length + reading.protocols.length + reading.transports.length;

  if (reading.cues.has('reset') && selectors === 0 && modes.length === 0) return { kind: 'help', reset: true };
  if (reading.foreignPorts.length) return { kind: 'unknown', reason: 'foreign-port' };
  // A word the vocabulary does not hold may name what the question is really about ("Exchange
  // ports for the SQL server"): answering the rest would be a plausible wrong answer.
  if (reading.foreign.length) return { kind: 'unknown', reason: 'foreign-subject' };

  const diff = diffPlan(reading, modes);
  if (diff) return diff;

  // "the server", "each machine": some component, but which one the question does not say.
  if (reading.vagueNouns.length && selectors === 0) return { kind: 'clarify', reason: 'which-component', modes, noun: reading.vagueNouns[0] };

  const namesModes = modes.length > 0 || reading.cues.has('modesTopic');
  if (reading.cues.has('explain') && namesModes && selectors === 0 && !reading.cues.has('rulesWords') && !reading.cues.has('everything'))
    return { kind: 'explain', modes: modes.length ? modes : allModes };
  if (reading.cues.has('diff') && reading.cues.has('modesTopic') && selectors === 0) return { kind: 'explain', modes: allModes };

  const check = reading.asksYesNo || (!reading.asksWh && reading.cues.has('checkWords') && reading.ports.length > 0);
  if (selectors === 0 && modes.length === 0 && !reading.cues.has('everything')) {
    if (reading.cues.has('help')) return { kind: 'help' };
    // Not a word of ports, rules or direction, and nothing the matrix names: another subject entirely.
    if (!check && !reading.cues.has('rulesWords') && !reading.direction && !reading.vagueNouns.length) return { kind: 'unknown', reason: 'off-topic' };
    return { kind: 'clarify', reason: check ? 'check-needs-subject' : 'nothing-selected', modes };
  }
  if (check && selectors === 0) return { kind: 'clarify', reason: 'check-needs-subject', modes };

  const intent: Extract<Plan, { kind: 'select' }>['intent'] = check
    ? 'check'
    : reading.components.length > 1
      ? 'pair'
      : reading.components.length === 1
        ? 'component'
        : reading.services.length
          ? 'service'
          : reading.ports.length || reading.protocols.length || reading.transports.length
            ? 'port'
            : 'mode';
  return { kind: 'select', intent, modes: modes.length ? modes : allModes, everything: selectors === 0 && modes.length === 0 };
}
