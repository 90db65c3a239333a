import type { DeploymentFact, ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';

const PLACES = ['inside', 'outside', 'mixed'] as const;
const FREQUENCIES = ['always', 'only', 'never', 'sometimes', 'mostly', 'otherwise'] as const;
type Frequency = NonNullable<DeploymentFact['frequency']>;
const FREQUENCY_OF: Record<(typeof FREQUENCIES)[number], Frequency> = { always: 'always', only: 'always', never: 'never', sometimes: 'sometimes', mostly: 'mostly', otherwise: 'mostly' };

const placeOf = (context: ReadingContext, i: number) => PLACES.find((p) => context.has(i, p));
const frequencyOf = (context: ReadingContext, i: number) => FREQUENCIES.find((f) => context.has(i, f));

/** A place noun ("office", "network") is where the endpoints are only after a locative word or before a qualifier. */
function locative(context: ReadingContext, i: number, from: number): boolean {
  if (!context.has(i, 'placeNoun')) return true;
  for (let j = i - 1; j >= Math.max(from, i - 3); j--) {
    if (context.has(j, 'locative') || context.has(j, 'leave') || context.has(j, 'arrive') || context.has(j, 'negator')) return true;
    // "between home and the office": the second place shares the first one's frame.
    if (context.has(j, 'join') && (context.has(j - 1, 'inside') || context.has(j - 1, 'outside'))) return true;
    if (!context.has(j, 'determiner') && context.pieces[j].kind !== 'word') break;
  }
  return context.has(i + 1, 'placeQualifier');
}

/**
 * The deployment grammar, clause by clause: where the endpoints are (inside the corporate
 * network, outside it, or both), how often ("always", "never", "some days", "otherwise"), and
 * whether that is negated ("nobody ever comes in"). The endpoints named there ("our laptops")
 * describe the deployment: they are not the DLO Clients the question asks about.
 */
export const deploymentFacts: Refiner = {
  name: 'deployment facts',
  refine(context) {
    const { entities, query } = context;
    context.clauses.forEach((clause, c) => {
      const indices = context.indicesOf(c);
      const places = indices.filter((i) => context.free(i) && (placeOf(context, i) || context.has(i, 'ambiguousPlace')) && locative(context, i, clause.from));
      // "always on the office network and never leave it": leaving what was just named is being outside;
      // "we open offices and they'll be in them part of the week": being in it is being where it is.
      const named = (i: number) => context.pieces.some((_, k) => k < i && placeOf(context, k));
      const referred = indices.filter((i) => context.has(i, 'reference') && context.free(i) && (context.has(i - 1, 'leave') || (context.has(i - 1, 'locative') && !context.has(i - 1, 'to') && !context.has(i - 1, 'from'))) && !placeOf(context, i - 1) && named(i));
      places.push(...referred);
      if (!places.length) return;
      // Endpoints at an end of a flow ("between the clients and dedupe") are asked about, not described.
      const atAnEnd = (i: number) => {
        const before = context.before(i);
        return ['from', 'to', 'between', 'topic'].some((c) => context.has(before, c as 'from')) || (context.has(before, 'join') && context.entities[context.before(before)]?.kind === 'component');
      };
      const endpoints = indices.filter((i) => context.has(i, 'endpoint') && context.free(i) && !(entities[i] && atAnEnd(i)));
      const component = indices.some((i) => entities[i]?.kind === 'component' && !context.has(i, 'endpoint'));
      const frequencies = indices.filter((i) => frequencyOf(context, i) && context.free(i));
      const verbs = indices.filter((i) => context.has(i, 'verb') && context.free(i));
      const facts: DeploymentFact[] = [];
      for (const p of places) {
        // "from the edge server to the LAN": a network as one end of a flow, not where endpoints are.
        const end = context.before(p);
        if (context.has(p, 'zone') && (context.has(end, 'from') || context.has(end, 'to')) && component && !endpoints.length) {
          query.place ??= context.span(p);
          query.reason ??= 'zone';
          context.claim(p, 'a network as an end');
          context.trace(() => `a network, not a component: "${context.pieces[p].words}"`, [p]);
          continue;
        }
        if (context.has(p, 'ambiguousPlace')) {
          // "no VPN, no office": a place said not to be used says nothing more.
          if (indices.some((i) => i < p && context.has(i, 'negator') && p - i <= 2)) {
            context.claim(p, 'a place not used');
            continue;
          }
          query.place ??= context.span(p);
          query.reason ??= 'ambiguous-place';
          context.claim(p, 'a place that may be inside or outside');
          continue;
        }
        // A bare "internet" or "corporate network" says where, not who: it needs the endpoints or a frequency.
        const weak = context.has(p, 'zone') || context.has(p, 'placeNoun') || context.has(p, 'weakPlace');
        const negated = indices.some((i) => i < p && context.has(i, 'negator'));
        if (weak && !endpoints.length && !frequencies.length && !verbs.length && !negated) continue;
        // "out", "come in" say where only beside the endpoints or a frequency ("which flows go out from...").
        if (context.has(p, 'weakPlace') && !endpoints.length && !frequencies.length) continue;
        const referent = () => placeOf(context, [...context.pieces.keys()].filter((k) => k < p && placeOf(context, k)).pop()!) ?? 'inside';
        let place = placeOf(context, p) ?? (context.has(p, 'reference') ? (context.has(p - 1, 'leave') ? 'outside' : referent()) : 'inside');
        for (let j = p - 1; j >= Math.max(clause.from, p - 3) && place === 'inside'; j--) if (context.has(j, 'leave') && context.free(j)) (place = 'outside'), context.claim(j, 'leaving');
        const negators = indices.filter((i) => i < p && context.has(i, 'negator') && !context.has(i, 'never') && context.free(i));
        facts.push({ place, negated: negators.length % 2 === 1, clause: c, piece: p, rank: 1 });
        context.claim(p, `where the endpoints are: ${place}`);
        for (const n of negators) context.claim(n, 'negates where the endpoints are');
      }
      if (!facts.length) return;
      // Each frequency word belongs to the nearest place; "only occasionally" is occasionally.
      const heard = new Map<DeploymentFact, Frequency[]>();
      for (const f of frequencies) {
        // "never leaves the corporate network": a frequency before a verb and its place is that place's;
        // otherwise it is the nearest place's ("home some days", "on the LAN all the time").
        const ahead = facts.filter((x) => x.piece > f && x.piece - f <= 4).sort((a, b) => a.piece - b.piece)[0];
        const distance = (fact: DeploymentFact) => Math.abs(fact.piece - f) - (fact.piece > f ? 0.5 : 0);
        const fact = ahead ?? facts.reduce((a, b) => (distance(b) < distance(a) ? b : a));
        heard.set(fact, [...(heard.get(fact) ?? []), FREQUENCY_OF[frequencyOf(context, f)!]]);
        context.claim(f, 'how often');
      }
      for (const [fact, said] of heard) fact.frequency = said.find((x) => x === 'sometimes' || x === 'mostly') ?? said.find((x) => x === 'never') ?? said[0];
      // "some of our users work from home": some of the endpoints, some of the time.
      if (indices.some((i) => context.has(i, 'some') && context.free(i))) for (const fact of facts) fact.frequency ??= 'sometimes';
      for (const e of endpoints) {
        context.describing.add(e);
        context.claim(e, 'the endpoints of a deployment');
      }
      for (const v of verbs) context.claim(v, 'deployment verb');
      context.descriptions.add(c);
      context.facts.push(...facts);
      context.trace(
        () => facts.map((f) => `${f.negated ? 'not ' : ''}${f.frequency ?? ''} ${f.place}`.trim()).join('; '),
        facts.map((f) => f.piece),
      );
    });
  },
};
