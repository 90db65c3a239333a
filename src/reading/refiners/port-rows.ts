import type { Refiner } from '../refiner';

/**
 * "What are the dedupe port rules?", "IO Server port rules": a component's name and the singular
 * word of its port name the matrix's rows of that name ("Dedupe Port"), not every flow of the
 * component ("IO server ports" still asks for those). A number after it ("edge server port 443")
 * is read as a port of the component.
 */
export const portRowNames: Refiner = {
  name: 'port rows',
  refine(context) {
    const { pieces, entities, query } = context;
    pieces.forEach((piece, i) => {
      const entity = entities[i];
      const row = entity?.kind === 'component' ? context.knowledge.portRows.get(entity.id) : undefined;
      const next = pieces[i + 1];
      if (!row || !context.free(i) || next?.words !== row.word || pieces[i + 2]?.kind === 'number') return;
      for (const id of row.services) if (!query.services.some((s) => s.id === id)) query.services.push({ id, ...context.ref(i) });
      context.claim(i, 'the name of a row');
      context.claim(i + 1, 'the name of a row');
      context.trace(() => [`the "${piece.words} ${next.words}" rows: ${row.services.join(', ')}`, [i, i + 1]]);
    });
  },
};
