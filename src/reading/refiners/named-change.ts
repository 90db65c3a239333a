import { asksChange, modeRef } from '../mode-evidence';
import type { Refiner } from '../refiner';

/**
 * A change between modes the question names: "from non-BOI to exclusive BOI", "what changes
 * compared to non-BOI" (the other named mode is the target); three named modes are compared all.
 */
export const namedChange: Refiner = {
  name: 'named change',
  refine(context) {
    const { query } = context;
    const named = context.modeEvidence.filter((e) => e.how === 'named' && !e.negated && !e.group);
    const namedModes = [...new Set(named.map((e) => e.modes[0]))];
    if (namedModes.length < 2 || !(asksChange(context) || named.some((e) => e.role))) return;
    context.modesSettled = true;
    query.ask = 'change';
    if (namedModes.length > 2) {
      query.modes = namedModes.map((id) => {
        const role = named.find((e) => e.role && e.modes[0] === id)?.role;
        return { id, how: 'named' as const, ...(role ? { role } : {}) };
      });
      return;
    }
    const to = named.find((e) => e.role === 'to')?.modes[0];
    const from = named.find((e) => e.role === 'from')?.modes[0] ?? namedModes.find((m) => m !== to)!;
    const target = namedModes.find((m) => m !== from)!;
    query.change = { from: modeRef(context, from, named.filter((e) => e.modes[0] === from)), to: modeRef(context, target, named.filter((e) => e.modes[0] === target)) };
    context.trace(() => [`a change from ${from} to ${target}`]);
  },
};
