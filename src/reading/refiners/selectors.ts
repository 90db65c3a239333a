import { subjectCount } from '../decide';
import type { Exclusion } from '../query';
import type { Refiner } from '../refiner';

const KINDS = { service: 'services', protocol: 'protocols', transport: 'transports', condition: 'conditions' } as const;

/** Services, protocols, transports and conditions ("SQL Server Browser", "HTTPS", "UDP", "named pipes"), or what the question leaves out of them. */
export const selectors: Refiner = {
  name: 'selectors',
  refine(context) {
    const { query } = context;
    context.pieces.forEach((_, i) => {
      const entity = context.entities[i];
      if (!entity || !(entity.kind in KINDS) || !context.free(i)) return;
      const kind = entity.kind as keyof typeof KINDS;
      const ref = context.ref(i);
      if (context.negated.has(i)) {
        if (!query.exclusions.some((e) => e.kind === kind && e.id === entity.id)) query.exclusions.push({ kind: kind as Exclusion['kind'], id: entity.id, ...ref });
        context.claim(i, `a ${kind} left out`);
      } else {
        const slot = query[KINDS[kind]];
        if (!slot.some((s) => s.id === entity.id)) slot.push({ id: entity.id, ...ref });
        context.claim(i, `a ${kind}`);
      }
      context.trace(() => [`${context.negated.has(i) ? 'not ' : ''}${kind} ${entity.id}`, [i]]);
    });
    // "TCP or UDP?": which transport, of what? With nothing else to select by, it needs a subject.
    const transports = context.pieces.map((_, i) => i).filter((i) => context.entities[i]?.kind === 'transport' && !context.negated.has(i));
    const choice = transports.length > 1 && context.pieces.some((_, i) => i > transports[0] && i < transports[transports.length - 1] && context.has(i, 'alternative'));
    if (choice && !subjectCount(query) && !query.everything) {
      query.reason ??= 'nothing-selected';
      context.trace(() => ['a choice between transports, of nothing named', transports]);
    }
  },
};
