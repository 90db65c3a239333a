import { betweenSentences, roleAfter, selectsFlows, type Mention, type Role } from '../component-roles';
import type { ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';

/** "both storage locations": the other components whose names end in the same words ("Dedupe Storage Location"). */
function alsoNamed(context: ReadingContext, i: number): string[] {
  let k = i - 1;
  while ((context.has(k, 'determiner') || context.has(k, 'partOf')) && !context.has(k, 'allOf')) k--;
  if (!context.has(k, 'allOf')) return [];
  const words = context.pieces[i].words.replace(/s$/, '');
  const own = context.entities[i]!.id;
  return context.knowledge.matrix.components.filter((c) => c.id !== own && c.name.toLowerCase().endsWith(` ${words}`)).map((c) => c.id);
}

/** Whether a bracket right after piece i holds only service names ("file share (SMB/NetBIOS)"). */
function glossedAsService(context: ReadingContext, i: number): boolean {
  const open = i + 1;
  if (context.pieces[open]?.words !== '(') return false;
  const inside: number[] = [];
  for (let k = open + 1; k < context.pieces.length && context.pieces[k].words !== ')'; k++) if (context.pieces[k].kind !== 'punct' && !context.has(k, 'join')) inside.push(k);
  return inside.length > 0 && inside.every((k) => context.entities[k]?.kind === 'service');
}

/**
 * "the dedupe server (NOT the dedupe storage location)": a negated component in brackets, or set off
 * by a comma, right after one it could be taken for: their names share a word that few components'
 * names hold ("dedupe"). It says which one is meant; no flows are left out.
 */
function contrasted(context: ReadingContext, i: number): boolean {
  const { clauses, clauseOf, entities, knowledge, pieces } = context;
  const clause = clauses[clauseOf[i]];
  // "the storage location, not the dedupe one": set off by a comma, too.
  // "not counting the console", "except ..." leave flows out; a plain "not" says which one.
  const negator = context.negated.get(i)!;
  if (!context.has(negator, 'contrast')) return false;
  const apposed = pieces[negator - 1]?.words === ',' ? entities[context.before(negator - 1)] : undefined;
  const other = clause.bracket ? entities[context.before(clause.from - 1)] : apposed;
  if (other?.kind !== 'component' || other.id === entities[i]!.id) return false;
  const words = (id: string) => (knowledge.names.get(id) ?? id).toLowerCase().split(' ');
  const holders = (word: string) => knowledge.matrix.components.filter((c) => words(c.id).includes(word)).length;
  const own = words(entities[i]!.id);
  return words(other.id).some((w) => own.includes(w) && holders(w) <= 2);
}

/** The end of a flow the words around component i give it, if any. */
function roleOf(context: ReadingContext, i: number, previous: Mention | undefined, inBetween: boolean): Role {
  const before = context.before(i);
  // "can I remove 445 from the storage location": taking a port away from a component names no direction.
  const removing = context.has(before, 'from') && context.indicesOf(context.clauseOf[i]).some((k) => k < before && context.has(k, 'closeWord'));
  // "every destination the console talks to": a noun before the component heads a clause whose verb gives the role.
  const headsClause = context.has(before, 'rulesHead') && roleAfter(context, i) !== undefined;
  // "the flows to and from the DLO clients": both ends.
  const bothWays = context.has(before - 1, 'join') && ((context.has(before, 'from') && context.has(before - 2, 'to')) || (context.has(before, 'to') && context.has(before - 2, 'from')));
  if (inBetween) return undefined;
  const blocked = context.has(before, 'topic') || removing;
  let role: Role = blocked || headsClause || bothWays ? undefined : context.has(before, 'from') ? 'source' : context.has(before, 'to') ? 'destination' : undefined;
  if (!role && context.has(before, 'join') && previous) role = previous.role;
  // "the console connects to"; "on which ports listens the Administration Server?": the verb before its subject.
  if (!role && !blocked) role = roleAfter(context, i);
  if (!role && context.has(before, 'destinationVerb')) role = 'destination';
  if (role) return role;
  // "safe to block 90 on the edge server": a port on a component is open on it; "what must be open on the edge server" too.
  const opensBefore = [before - 1, before - 2].some((k) => context.has(k, 'destinationVerb') || context.has(k, 'closeWord'));
  return context.has(before, 'on') && (selectsFlows(context) || opensBefore) ? 'destination' : undefined;
}

/**
 * The components the question names, and the end of a flow each stands at: "from A" is a
 * source, "to B", "open on B", "B listens" a destination, "for A", "relevant to A" either end;
 * "between A and B" both. Endpoints that describe the deployment, or are counted in a statement,
 * are no component; a negated one is left out.
 */
export const subjects: Refiner = {
  name: 'subjects',
  refine(context) {
    const { entities, query, clauseOf, clauses } = context;
    const between = betweenSentences(context);
    let previous: Mention | undefined;
    context.pieces.forEach((_, i) => {
      const entity = entities[i];
      if (entity?.kind !== 'component' || context.describing.has(i) || !(context.free(i) || context.claimed[i]?.startsWith('one anaphora'))) return;
      // "we have 180 laptops": the endpoints counted in a statement are the scene, not a component asked about.
      // "SQL server rules ..., roughly 1200 endpoints": so are endpoints counted beside another component.
      const counted = context.has(i, 'endpoint') && context.claimed[i - 1]?.endsWith('count') === true;
      if (counted && (!context.questionClause(clauseOf[i]) || entities.some((e, k) => k !== i && e?.kind === 'component' && e.id !== entity.id))) {
        context.claim(i, 'the endpoints, not a component');
        return;
      }
      if (context.negated.has(i)) {
        // "the dedupe server (NOT the dedupe storage location)": which one is meant, not flows left out.
        if (contrasted(context, i)) {
          context.claim(i, 'the component not meant');
          context.trace(() => [`not ${entity.id}: the one named before is meant`, [i]]);
          return;
        }
        if (!query.exclusions.some((e) => e.kind === 'component' && e.id === entity.id)) query.exclusions.push({ kind: 'component', id: entity.id, span: context.span(i) });
        context.claim(i, 'a component left out');
        return;
      }
      // "File share (SMB/NetBIOS) flows": a bracket of service names says what the words before it name.
      if (glossedAsService(context, i)) {
        context.claim(i, 'the name of a service, glossed');
        context.trace(() => [`"${context.pieces[i].words}" names the service in brackets`, [i]]);
        return;
      }
      const role = roleOf(context, i, previous, between.has(clauses[clauseOf[i]].sentence));
      previous = { piece: i, id: entity.id, role };
      const named = [previous, ...alsoNamed(context, i).map((id) => ({ piece: i, id, role }))];
      context.mentions.push(...named);
      context.claim(i, `a component${role ? `, ${role}` : ''}`);
      const before = context.before(i);
      if (before >= 0 && (role || context.has(before, 'topic')) && context.free(before)) context.claim(before, 'an end of the flow');
      context.trace(() => [named.map((m) => `${m.id}${role ? ` (${role})` : ''}`).join(', '), [i]]);
    });
  },
};
