import { toWords } from '../../knowledge/words';
import type { ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';

/** The matrix's rows named after a component's port ("Dedupe Port", "IO Server Port"), by component. */
function portRows(context: ReadingContext): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const service of context.knowledge.matrix.services) {
    const words = toWords(service.name);
    const last = words[words.length - 1];
    if (!context.knowledge.phrases.lookup([last])?.classes.has('portWord')) continue;
    const owner = context.knowledge.phrases.lookup(words.slice(0, -1))?.entity;
    if (owner?.kind === 'component') rows.set(owner.id, [...(rows.get(owner.id) ?? []), service.id]);
  }
  return rows;
}

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
    const rows = portRows(context);
    pieces.forEach((piece, i) => {
      const entity = entities[i];
      const owned = entity?.kind === 'component' ? rows.get(entity.id) : undefined;
      const next = pieces[i + 1];
      if (!owned || !context.free(i) || !next || pieces[i + 2]?.kind === 'number') return;
      const rowWord = toWords(context.knowledge.matrix.services.find((s) => s.id === owned[0])!.name).pop();
      if (next.words !== rowWord) return;
      for (const id of owned) if (!query.services.some((s) => s.id === id)) query.services.push({ id, ...context.ref(i) });
      context.claim(i, 'the name of a row');
      context.claim(i + 1, 'the name of a row');
      context.trace(() => [`the "${piece.words} ${next.words}" rows: ${owned.join(', ')}`, [i, i + 1]]);
    });
  },
};
