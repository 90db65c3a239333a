import { toWords } from '../../knowledge/words';
import type { ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';

/** Every way the knowledge names one component, as words. */
function namesOf(context: ReadingContext, id: string): string[][] {
  const { matrix, vocabulary } = context.knowledge;
  const names = [matrix.components.find((c) => c.id === id)?.name ?? '', ...(vocabulary.components[id] ?? [])];
  return names.map(toWords).filter((words) => words.length);
}

/**
 * "the storage location (the plain one, not the dedupe one)": "one" stands for the component
 * named before it, and a word before "one" narrows that name ("dedupe" + "storage location").
 */
export const oneAnaphora: Refiner = {
  name: 'one anaphora',
  refine(context) {
    const { pieces, entities, knowledge } = context;
    pieces.forEach((_, i) => {
      if (!context.has(i, 'anaphor') || !context.free(i)) return;
      const modifier = i - 1;
      let antecedent = -1;
      for (let j = modifier - 1; j >= 0 && antecedent < 0; j--) if (entities[j]?.kind === 'component') antecedent = j;
      const head = entities[antecedent];
      if (!head) return;
      const own = entities[modifier];
      if (own?.kind === 'component' && own.id !== head.id) {
        const words = toWords(pieces[modifier].words);
        // "the dedupe storage location ... the dedupe one": the modifier is already the antecedent's.
        if (namesOf(context, head.id).some((name) => words.every((w) => name.includes(w)))) {
          entities[modifier] = head;
          context.claim(i, 'the component named before');
          context.trace(() => [`"${pieces[modifier].words} one" is ${head.id}`, [modifier, i]]);
          return;
        }
        for (const name of namesOf(context, head.id)) {
          const composed = knowledge.phrases.lookup([...words, ...name])?.entity;
          if (composed?.kind === 'component' && composed.id !== head.id) {
            entities[modifier] = composed;
            context.claim(i, 'the component named before');
            context.trace(() => [`"${pieces[modifier].words} one" is ${composed.id}`, [modifier, i]]);
            return;
          }
        }
      } else if ((context.has(modifier, 'plainModifier') || context.has(modifier, 'determiner'))) {
        entities[i] = head;
        context.claim(modifier, 'the component named before');
        context.trace(() => [`"${pieces[modifier].words} one" is ${head.id}`, [modifier, i]]);
      }
    });
  },
};
