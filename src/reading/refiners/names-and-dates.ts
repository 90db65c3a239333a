import type { ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';

/** A word no phrase holds: a name of a person, a site or a city, if its frame says so. */
const nameWord = (context: ReadingContext, i: number) => context.pieces[i]?.kind === 'word' && context.free(i);
const joinsNames = (context: ReadingContext, i: number) => context.has(i, 'join') || context.pieces[i]?.words === ',' || context.pieces[i]?.words === '&';

/** The names of a list that starts at i: "Warsaw and Lisbon", "Frankfurt, Dublin & Leeds". */
function namesFrom(context: ReadingContext, i: number): number[] {
  const names = [i];
  for (let j = i + 1; nameWord(context, j) || (joinsNames(context, j) && nameWord(context, j + 1)); j++) names.push(j);
  return names;
}

/**
 * Names of people, sites and cities, and months and weekdays, cannot change which rules answer:
 * "Hi Priya", "cc @Maria", "the Leeds site", "the Frankfurt and Chennai offices", "in March".
 */
export const namesAndDates: Refiner = {
  name: 'names and dates',
  refine(context) {
    const { pieces, query } = context;
    const drop = (indices: number[], why: 'name' | 'date') => {
      for (const i of indices) context.claim(i, why);
      // Object.assign onto the new span, not { ...span, why }: on Node 20 a spread followed by more keys costs ~0.7 µs.
      query.dropped.push(Object.assign(context.span(indices[0], indices[indices.length - 1]), { why }));
      context.trace(() => [`cannot change the rules: ${why}`, indices]);
    };
    for (let i = 0; i < pieces.length; i++) {
      if (!context.free(i)) continue;
      // After a greeting, with or without a comma: "Hey Dave", "Hi, Priya", "thanks Maria".
      if (context.has(i, 'greeting')) {
        let j = i + 1;
        if (pieces[j]?.words === ',') j++;
        if (nameWord(context, j)) drop(nameWord(context, j + 1) && !pieces[j + 1].english ? [j, j + 1] : [j], 'name');
      }
      // "it's Marco", "this is Priya": a name after an introduction is no ordinary word ("I'm importing" stays).
      if (context.has(i, 'introduction') && nameWord(context, i + 1) && !pieces[i + 1].english) drop([i + 1], 'name');
      // "Priya asked me to get the admin console rules": a name before what the person asked or said.
      if (nameWord(context, i) && !pieces[i].english && context.has(i + 1, 'reportVerb') && context.clauses[context.clauseOf[i]].from === i) drop([i], 'name');
      // "@Maria" typed as text.
      if (pieces[i].words === '@' && nameWord(context, i + 1) && pieces[i + 1].glued) drop([i, i + 1], 'name');
      // Before or after a site noun: "the Leeds site", "Frankfurt and Chennai offices", "site Rotterdam".
      if (context.has(i, 'siteNoun')) {
        const before: number[] = [];
        for (let j = i - 1; j >= 0 && (nameWord(context, j) || (joinsNames(context, j) && nameWord(context, j - 1))); j--) before.unshift(j);
        if (before.length && nameWord(context, before[0])) drop(before, 'name');
        if (nameWord(context, i + 1) && !pieces[i + 1].english) drop(namesFrom(context, i + 1), 'name');
      }
      if ((context.has(i, 'month') || context.has(i, 'weekday')) && context.free(i)) drop([i], 'date');
      // "from May", "in May": a month only after a word that dates ("May I ask" is no date).
      if (context.has(i, 'ambiguousMonth') && context.has(i - 1, 'yearBefore') && context.free(i)) drop([i], 'date');
      // "Marco from the Rotterdam site", "Jane from facilities": a person, from somewhere.
      if (nameWord(context, i) && !pieces[i].english && context.has(i + 1, 'from')) {
        let j = i + 2;
        while (j < pieces.length && (context.has(j, 'determiner') || nameWord(context, j) || !context.free(j))) j++;
        // ... but "Zerto from the edge server" names another product at an end of a flow.
        if (context.has(j, 'siteNoun') || (j < pieces.length && context.has(j, 'neutral') && !context.entities[j])) drop([i], 'name');
      }
      // "3 IO servers in Frankfurt and Dublin": places after "in" or "at".
      if (context.has(i, 'locative') && context.has(i, 'preposition') && !context.has(i, 'to') && !context.has(i, 'from') && nameWord(context, i + 1) && !pieces[i + 1].english) {
        const names = namesFrom(context, i + 1);
        if (pieces[names[names.length - 1] + 1]?.kind !== 'word') drop(names, 'name');
      }
    }
  },
};
