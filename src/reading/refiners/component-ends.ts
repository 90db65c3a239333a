import { betweenSentences } from '../component-roles';
import type { ComponentEnd } from '../query';
import type { Refiner } from '../refiner';

/**
 * The ends the question asks about, into the Query: "Between those two, which ports?" after a
 * statement names both; "not only the Edge Server's inbound ports but also the IO Server's" and
 * "both storage locations" ask for each one on its own. With none, a generic noun ("the
 * server", "each machine") says some component, but not which.
 */
export const componentEnds: Refiner = {
  name: 'component ends',
  refine(context) {
    const { pieces, entities, query, clauseOf, clauses, asked } = context;
    // "The IO server will go in the DMZ next to the edge server. Between those two, which ports?"
    const betweenAsked = pieces.some((_, i) => context.has(i, 'between') && context.spoken(i) && context.questionClause(clauseOf[i]) && !context.askedInQuestion);
    if (betweenAsked) for (const m of asked) m.role = undefined;
    const union = pieces.findIndex((_, i) => context.has(i, 'union') && context.spoken(i) && asked.some((m) => m.piece < i) && asked.some((m) => m.piece > i));
    const oneName = asked.length > 1 && asked.every((m) => m.piece === asked[0].piece);
    const apartAt = oneName ? asked[0].piece : union;
    if (apartAt >= 0 && !asked.some((m) => m.role) && !betweenSentences(context).has(clauses[clauseOf[apartAt]].sentence)) {
      query.apart = true;
      context.trace(() => ['each component on its own', [apartAt]]);
    }
    const ends: ComponentEnd[] = [];
    for (const m of asked) if (!ends.some((e) => e.id === m.id)) ends.push({ id: m.id, ...(m.role ? { role: m.role } : {}), ...context.ref(m.piece) });
    const vague = pieces.findIndex(
      (_, i) => context.has(i, 'headNoun') && !entities[i] && context.free(i) && context.questionClause(clauseOf[i]) && !context.has(i - 1, 'wh') && !(pieces[i - 1]?.kind === 'word' && !pieces[i - 1].english),
    );
    // "between the server and the clients": one end named, the other only "the server".
    if (vague >= 0 && ends.length === 1 && betweenSentences(context).has(clauses[clauseOf[vague]].sentence)) ends.splice(0);
    query.components = ends;
    if (ends.length) context.trace(() => [ends.map((e) => `${e.id}${e.role ? ` (${e.role})` : ''}`).join(', '), asked.map((m) => m.piece)]);
    if (vague >= 0 && !ends.length) {
      query.vagueNoun = context.span(vague);
      context.claim(vague, 'a component, but which?');
      context.trace(() => ['a component, but which?', [vague]]);
    }
  },
};
