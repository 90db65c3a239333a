import { roleAfter, selectsFlows } from '../component-roles';
import type { Refiner } from '../refiner';

/**
 * The endpoints as the component asked about: "Clients on the LAN: which ports do they need to
 * reach the dedupe server?" ("they" are the endpoints described), and, when nothing else is
 * asked about, "what do remote users need?" (the endpoints' component, the DLO Clients).
 */
export const endpointsAsked: Refiner = {
  name: 'endpoints asked',
  refine(context) {
    const { pieces, entities, clauseOf, clauses, mentions } = context;
    const they = pieces.findIndex((_, i) => context.has(i, 'reference') && context.has(i, 'endpoint') && context.free(i) && context.questionClause(clauseOf[i]) && roleAfter(context, i) !== undefined);
    const described = [...context.describing].find((i) => entities[i]?.kind === 'component');
    if (they >= 0 && described !== undefined && !mentions.some((m) => m.id === entities[described]!.id)) {
      mentions.push({ piece: they, id: entities[described]!.id, role: roleAfter(context, they) });
      context.claim(they, `the endpoints described: ${entities[described]!.id}`);
      context.trace(() => [`"${pieces[they].words}" are the endpoints described: ${entities[described]!.id}`, [they]]);
    }
    const endpointComponent = context.knowledge.vocabulary.endpointComponent;
    const asksChange = pieces.some((_, i) => context.has(i, 'diff') && context.spoken(i));
    // "What file sharing flows does DLO need for hybrid users?": with a service or a port to select by, they describe.
    if (mentions.length || !endpointComponent || asksChange || selectsFlows(context)) return;
    const asksOf = (c: number) => !clauses[c].relative && context.indicesOf(c).some((i) => ['wh', 'listStart', 'rulesHead', 'checkWord'].some((k) => context.has(i, k as 'wh')) && context.spoken(i));
    const asked = pieces.findIndex((_, i) => context.has(i, 'endpoint') && !context.has(i, 'pronoun') && asksOf(clauseOf[i]) && context.spoken(i) && !context.negated.has(i));
    if (asked < 0) return;
    mentions.push({ piece: asked, id: endpointComponent, role: undefined });
    context.describing.delete(asked);
    context.trace(() => [`the endpoints asked about are ${endpointComponent}`, [asked]]);
  },
};
