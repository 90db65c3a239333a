import { modesOf, readingKind, whereOf } from '../mode-evidence';
import type { Refiner } from '../refiner';

/**
 * The mode each time's description gives, by the document's definitions: always inside, always
 * outside, or both. Facts that contradict each other, or a deployment the product has no mode
 * for, make the question ask which mode, offering the modes the facts tell one by one.
 */
export const describedModes: Refiner = {
  name: 'described modes',
  refine(context) {
    const { knowledge, query } = context;
    for (const rank of [...new Set(context.facts.map((f) => f.rank))]) {
      const facts = context.facts.filter((f) => f.rank === rank);
      const where = whereOf(facts);
      const described = modesOf(where, knowledge);
      if (where === 'conflict' || !described) {
        query.reason = 'conflicting-modes';
        // "half our staff are permanently remote, the other half never leave the office": exclusive BOI or non-BOI.
        const told = facts.flatMap((f) => modesOf(whereOf([f]), knowledge) ?? []);
        const candidates = told.length > 1 ? told : Object.values(knowledge.vocabulary.deployments ?? {}).filter((m): m is string => Boolean(m));
        const components = query.components.map((x) => x.id);
        query.readings = [...new Set(candidates)].map((m) => ({ kind: readingKind(components), components, modes: [m] }));
      }
      if (described) context.modeEvidence.push({ modes: described, negated: false, rank, pieces: facts.map((f) => f.piece), how: 'described', group: false, vague: where === 'outsideOrMixed' });
      context.trace(() => [`at time ${rank} the endpoints are ${where}: ${described?.join(', ') ?? 'no mode'}`, facts.map((f) => f.piece)]);
    }
  },
};
