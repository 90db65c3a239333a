import type { ComponentEnd } from '../query';
import type { ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';

type Role = ComponentEnd['role'];

/** The role a verb after a component gives it: "the console connects to", "the server listens on". */
function roleAfter(context: ReadingContext, i: number): Role {
  for (let j = i + 1; j < context.pieces.length && j <= i + 8; j++) {
    if (context.clauseOf[j] !== context.clauseOf[i]) return undefined;
    // "the DLO agent on the laptops connects to": the same component named again goes on;
    // "the web restore host or the DLO clients are the source": so does a component joined to it.
    if (context.entities[j]?.kind === 'component') {
      if (context.entities[j]!.id === context.entities[i]?.id || context.has(context.before(j), 'join')) continue;
      return undefined;
    }
    if (context.has(j, 'sourceVerb')) return 'source';
    if (context.has(j, 'destinationVerb')) return 'destination';
    // "... are the source", "is the admin server a file-sharing destination?": the end named as a noun.
    const endNoun = context.has(j, 'rulesHead') && (context.has(j - 1, 'determiner') || context.entities[j - 1]?.kind === 'service');
    if (endNoun && context.has(j, 'from')) return 'source';
    if (endNoun && context.has(j, 'to')) return 'destination';
  }
  return undefined;
}

/** "both storage locations": the other components whose names end in the same words ("Dedupe Storage Location"). */
function alsoNamed(context: ReadingContext, i: number): string[] {
  let k = i - 1;
  while ((context.has(k, 'determiner') || context.has(k, 'partOf')) && !context.has(k, 'allOf')) k--;
  if (!context.has(k, 'allOf')) return [];
  const words = context.pieces[i].words.replace(/s$/, '');
  const own = context.entities[i]!.id;
  return context.knowledge.matrix.components.filter((c) => c.id !== own && c.name.toLowerCase().endsWith(` ${words}`)).map((c) => c.id);
}

/** How a pronoun that stands for nothing in the question is claimed: the fragment refiner reads it. */
export const SOMETHING_BEFORE = 'something named before';

interface Mention {
  piece: number;
  id: string;
  role: Role;
}

/**
 * The components the question asks about, and the end of a flow each stands at: "from A" is a
 * source, "to B", "open on B", "B listens" a destination, "for A", "relevant to A" either end;
 * "between A and B" both. Words for the endpoints that describe the deployment are not the DLO
 * Clients, unless nothing else is asked about. Components named only in a statement beside the
 * question set the scene when the question names its own.
 */
export const subjects: Refiner = {
  name: 'subjects',
  refine(context) {
    const { pieces, entities, query, knowledge, clauseOf, clauses } = context;
    const mentions: Mention[] = [];
    // "between A and B", "do A and B talk to each other?": the sentences that ask what flows between components.
    const between = new Set(pieces.flatMap((_, i) => (context.has(i, 'between') && context.spoken(i) ? [clauses[clauseOf[i]].sentence] : [])));
    let previous: Mention | undefined;
    const selectsFlows = () => query.ports.length > 0 || pieces.some((_, i) => entities[i] && entities[i]!.kind !== 'component' && entities[i]!.kind !== 'mode' && entities[i]!.kind !== 'modeGroup');
    pieces.forEach((piece, i) => {
      const entity = entities[i];
      if (entity?.kind !== 'component' || context.describing.has(i) || !(context.free(i) || context.claimed[i]?.startsWith('one anaphora'))) return;
      // "we have 180 laptops": the endpoints counted in a statement are the scene, not a component asked about.
      const counted = context.has(i, 'endpoint') && context.claimed[i - 1]?.endsWith('count') === true && !context.questionClause(clauseOf[i]);
      if (counted) {
        context.claim(i, 'the endpoints, not a component');
        return;
      }
      if (context.negated.has(i)) {
        if (!query.exclusions.some((e) => e.kind === 'component' && e.id === entity.id)) query.exclusions.push({ kind: 'component', id: entity.id, span: context.span(i) });
        context.claim(i, 'a component left out');
        return;
      }
      const before = context.before(i);
      const inBetween = between.has(clauses[clauseOf[i]].sentence);
      // "can I remove 445 from the storage location": taking a port away from a component names no direction.
      const removing = context.has(before, 'from') && context.indicesOf(clauseOf[i]).some((k) => k < before && context.has(k, 'closeWord'));
      // "every destination the console talks to": a noun before the component heads a clause whose verb gives the role.
      const headsClause = context.has(before, 'rulesHead') && roleAfter(context, i) !== undefined;
      // "the flows to and from the DLO clients": both ends.
      const bothWays = context.has(before - 1, 'join') && ((context.has(before, 'from') && context.has(before - 2, 'to')) || (context.has(before, 'to') && context.has(before - 2, 'from')));
      let role: Role = context.has(before, 'topic') || removing || headsClause || bothWays ? undefined : context.has(before, 'from') ? 'source' : context.has(before, 'to') ? 'destination' : undefined;
      if (!role && context.has(before, 'join') && previous) role = previous.role;
      if (!role && !inBetween && !context.has(before, 'topic') && !removing) role = roleAfter(context, i);
      // "on which ports listens the Administration Server?": the verb before its subject.
      if (!role && !inBetween && context.has(before, 'destinationVerb')) role = 'destination';
      // "safe to block 90 on the edge server": a port on a component is open on it.
      // "what must be open on the edge server": "on" after an opening or closing word too.
      const opensBefore = [before - 1, before - 2].some((k) => context.has(k, 'destinationVerb') || context.has(k, 'closeWord'));
      if (!role && !inBetween && context.has(before, 'on') && (selectsFlows() || opensBefore)) role = 'destination';
      if (inBetween) role = undefined;
      previous = { piece: i, id: entity.id, role };
      mentions.push(previous);
      for (const id of alsoNamed(context, i)) mentions.push({ piece: i, id, role });
      context.claim(i, `a component${role ? `, ${role}` : ''}`);
      if (before >= 0 && (role || context.has(before, 'topic')) && context.free(before)) context.claim(before, 'an end of the flow');
    });

    // "Clients on the LAN: which ports do they need to reach the dedupe server?": "they" are the endpoints described.
    const they = pieces.findIndex((_, i) => context.has(i, 'reference') && context.has(i, 'endpoint') && context.free(i) && context.questionClause(clauseOf[i]) && roleAfter(context, i) !== undefined);
    const described = [...context.describing].find((i) => entities[i]?.kind === 'component');
    if (they >= 0 && described !== undefined && !mentions.some((m) => m.id === entities[described]!.id)) {
      mentions.push({ piece: they, id: entities[described]!.id, role: roleAfter(context, they) });
      context.claim(they, `the endpoints described: ${entities[described]!.id}`);
    }

    // The endpoints: when nothing else is asked about, "what do remote users need?" asks about the clients.
    const endpointComponent = knowledge.vocabulary.endpointComponent;
    const asksChange = pieces.some((_, i) => context.has(i, 'diff') && context.spoken(i));
    const asksOf = (c: number) => !clauses[c].relative && context.indicesOf(c).some((i) => ['wh', 'listStart', 'rulesHead', 'checkWord'].some((k) => context.has(i, k as 'wh')) && context.spoken(i));
    // "What file sharing flows does DLO need for hybrid users?": with a service or a port to select by, they describe.
    if (!mentions.length && endpointComponent && !asksChange && !selectsFlows()) {
      const asked = pieces.findIndex((_, i) => context.has(i, 'endpoint') && !context.has(i, 'pronoun') && asksOf(clauseOf[i]) && context.spoken(i) && !context.negated.has(i));
      if (asked >= 0) {
        mentions.push({ piece: asked, id: endpointComponent, role: undefined });
        context.describing.delete(asked);
        context.trace(() => [`the endpoints asked about are ${endpointComponent}`, [asked]]);
      }
    }

    // A statement beside the question ("we have 3 IO servers in Frankfurt. Which ports ... the edge
    // server?") sets the scene; when the question names its own components, those are the ones asked about.
    const sentenceOf = (m: Mention) => clauses[clauseOf[m.piece]].sentence;
    const questionSentences = new Set(mentions.filter((m) => context.questionClause(clauseOf[m.piece])).map(sentenceOf));
    const inQuestion = mentions.filter((m) => questionSentences.has(sentenceOf(m)));
    // "The storage location of the installer is on the admin server. Which ports does push installation need?":
    // a question that selects by its own service or port does not take the statement's components.
    // "Admin server and SQL are on separate VLANs. Which TCP ports between them?": unless it points back at them.
    const ownSelectors = pieces.some((_, i) => context.questionClause(clauseOf[i]) && (context.claimed[i]?.endsWith('port') || ['service', 'transport', 'protocol', 'condition'].includes(entities[i]?.kind ?? '')));
    const pointsBack = pieces.some((_, i) => context.has(i, 'reference') && context.free(i) && context.questionClause(clauseOf[i]));
    const asked = inQuestion.length || (ownSelectors && !pointsBack) ? inQuestion : mentions;
    if (asked.length < mentions.length) context.trace(() => [`beside the question, not asked about: ${mentions.filter((m) => !asked.includes(m)).map((m) => m.id).join(', ')}`]);
    // "The edge box is in the DMZ. What's allowed in to it from the clients?": a pronoun at an end of the
    // question stands for the component the statement before it named, with that end's role.
    // "... what does the edge need to reach it?": the object of a verb that goes out is a destination too.
    const towards = (i: number) => context.has(i, 'to') || context.has(i, 'sourceVerb');
    // "is 443 needed for it?": a pronoun that ends the question after "needed for" too, not "need them for the ACL".
    const last = (i: number) => !pieces[i + 1] || pieces[i + 1].kind === 'punct';
    const atAnEnd = (i: number) => towards(i - 1) || context.has(i - 1, 'from') || context.has(i - 1, 'topic') || (context.has(i - 1, 'checkWord') && last(i));
    // "what they need to reach": a pronoun before a verb with a role stands for a component too.
    const pointingRole = (i: number): Role => (!atAnEnd(i) ? roleAfter(context, i) : towards(i - 1) ? 'destination' : context.has(i - 1, 'from') ? 'source' : undefined);
    const pointing = pieces.map((_, i) => i).filter((i) => context.has(i, 'reference') && context.free(i) && (atAnEnd(i) || pointingRole(i)) && context.questionClause(clauseOf[i]));
    const pronoun = pointing.length ? pointing[0] : -1;
    if (pronoun >= 0) {
      // "what they need to reach, and what is reaching them": pronouns at both ends ask for both directions.
      const roles = new Set(pointing.map(pointingRole));
      const role: Role = roles.size === 1 ? [...roles][0] : undefined;
      const referent = [...mentions].reverse().find((m) => m.piece < pronoun && !asked.includes(m)) ?? (asked.length === 1 && !asked[0].role ? asked[0] : undefined);
      if (referent) {
        if (role) referent.role = role;
        if (!asked.includes(referent)) asked.unshift(referent);
        for (const i of pointing) context.claim(i, `stands for ${referent.id}`);
      } else if (!asked.length) {
        // "Do I need TCP or UDP for that one?": something named before this question, or nothing yet.
        query.vagueNoun = context.span(pronoun);
        context.claim(pronoun, SOMETHING_BEFORE);
      }
    }

    // "The IO server will go in the DMZ next to the edge server. Between those two, which ports?"
    const betweenAsked = pieces.some((_, i) => context.has(i, 'between') && context.spoken(i) && context.questionClause(clauseOf[i]) && !inQuestion.length);
    if (betweenAsked) for (const m of asked) m.role = undefined;

    // "not only the Edge Server's inbound ports but also the IO Server's": each on its own, not what flows between them.
    const union = pieces.findIndex((_, i) => context.has(i, 'union') && context.spoken(i) && asked.some((m) => m.piece < i) && asked.some((m) => m.piece > i));
    // "what do both storage locations need?": one name for several components, each on its own.
    const oneName = asked.length > 1 && asked.every((m) => m.piece === asked[0].piece);
    const apartAt = oneName ? asked[0].piece : union;
    if (apartAt >= 0 && !asked.some((m) => m.role) && !between.has(clauses[clauseOf[apartAt]].sentence)) {
      query.apart = true;
      context.trace(() => ['each component on its own', [apartAt]]);
    }

    const ends: ComponentEnd[] = [];
    for (const m of asked) if (!ends.some((e) => e.id === m.id)) ends.push({ id: m.id, ...(m.role ? { role: m.role } : {}), ...context.ref(m.piece) });
    query.components = ends;

    // "the server", "each machine": some component, but which one the question does not say.
    const vague = pieces.findIndex(
      (p, i) =>
        context.has(i, 'headNoun') && !entities[i] && context.free(i) && context.questionClause(clauseOf[i]) && !context.has(i - 1, 'wh') && !(pieces[i - 1]?.kind === 'word' && !pieces[i - 1].english),
    );
    if (vague >= 0 && !ends.length) {
      query.vagueNoun = context.span(vague);
      context.claim(vague, 'a component, but which?');
    }
    if (ends.length) context.trace(() => [ends.map((e) => `${e.id}${e.role ? ` (${e.role})` : ''}`).join(', '), asked.map((m) => m.piece)]);
  },
};
