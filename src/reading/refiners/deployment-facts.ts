import { frequencyOf, placeOf } from '../deployment-grammar';
import type { DeploymentFact, ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';

/** A place noun ("office", "network") is where the endpoints are only after a locative word, before a qualifier, or beside a frequency ("mostly office"). */
function locative(context: ReadingContext, i: number, from: number): boolean {
  if (!context.has(i, 'placeNoun')) return true;
  if (frequencyOf(context, i - 1) || frequencyOf(context, i + 1)) return true;
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
      // "their laptops": a pronoun before a noun is a possessive, no place.
      const standsAlone = (i: number) => !context.pieces[i + 1] || context.pieces[i + 1].kind === 'punct' || !(context.entities[i + 1] || context.has(i + 1, 'endpoint') || context.pieces[i + 1].kind === 'word');
      const referred = indices.filter(
        (i) => context.has(i, 'reference') && context.free(i) && standsAlone(i) && (context.has(i - 1, 'leave') || (context.has(i - 1, 'locative') && !context.has(i - 1, 'to') && !context.has(i - 1, 'from'))) && !placeOf(context, i - 1) && named(i),
      );
      // "(today they never leave)": leaving, with nothing after it, is leaving the premises.
      const leavesNothing = indices.filter((i) => context.has(i, 'leave') && context.has(i, 'verb') && !placeOf(context, i) && context.free(i) && (i + 1 >= clause.to || context.pieces[i + 1].kind === 'punct'));
      places.push(...leavesNothing);
      places.push(...referred);
      if (!places.length) return;
      // Endpoints at an end of a flow ("between the clients and dedupe") are asked about, not described.
      const atAnEnd = (i: number) => {
        const before = context.before(i);
        // "all of our endpoints are outside": a share of the endpoints; "for hybrid users": endpoints a place describes.
        if (context.has(before, 'partOf') && (context.has(before - 1, 'allOf') || context.has(before - 1, 'some'))) return false;
        if (context.has(before, 'topic') && placeOf(context, i - 1)) return false;
        return ['from', 'to', 'between', 'topic'].some((c) => context.has(before, c as 'from')) || (context.has(before, 'join') && context.entities[context.before(before)]?.kind === 'component');
      };
      const endpoints = indices.filter((i) => context.has(i, 'endpoint') && context.free(i) && !(entities[i] && atAnEnd(i)));
      // "It's going in the DMZ": a pronoun that is no endpoint word stands for a server.
      const component = indices.some((i) => (entities[i]?.kind === 'component' && !context.has(i, 'endpoint')) || (context.has(i, 'reference') && !context.has(i, 'endpoint')));
      // "user can't back up from home" reports a fault; it says nothing of where the endpoints are.
      if (indices.some((i) => context.has(i, 'fault'))) return;
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
          context.trace(() => [`a network, not a component: "${context.pieces[p].words}"`, [p]]);
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
        // "what does the agent need on the network?": where something is needed, not where the endpoints are.
        if (weak && context.has(p - 1, 'checkWord')) continue;
        // "the edge server is in the DMZ", "SQL is on the internal LAN": where a server sits changes no rule.
        if (weak && component && !endpoints.length && !frequencies.length) {
          context.claim(p, 'where a server sits');
          context.placements.push(p);
          context.trace(() => [`where a server sits, not the endpoints: "${context.pieces[p].words}"`, [p]]);
          continue;
        }
        const negated = indices.some((i) => i < p && context.has(i, 'negator'));
        // "the office closes", "we're closing the office": an office that closes says nothing of where the endpoints are.
        if (placeOf(context, p) === 'inside' && [p - 2, p - 1, p + 1].some((k) => context.has(k, 'closeWord') && context.free(k))) {
          context.claim(p, 'a place that closes');
          continue;
        }
        if (weak && !endpoints.length && !frequencies.length && !verbs.length && !negated) continue;
        // "out", "come in" say where only beside the endpoints or a frequency ("which flows go out from..."),
        // not as the particle of a service ("push the agent out"), and not before the place they go to ("come in office").
        if (context.has(p, 'weakPlace') && ((!endpoints.length && !frequencies.length) || context.entities[p - 1]?.kind === 'service' || places.includes(p + 1))) continue;
        const referent = () => placeOf(context, [...context.pieces.keys()].filter((k) => k < p && placeOf(context, k)).pop()!) ?? 'inside';
        let place = placeOf(context, p) ?? (context.has(p, 'reference') && !context.has(p - 1, 'leave') ? referent() : context.has(p, 'leave') || context.has(p, 'reference') ? 'outside' : 'inside');
        for (let j = p - 1; j >= Math.max(clause.from, p - 3) && place === 'inside'; j--) if (context.has(j, 'leave') && context.free(j)) (place = 'outside'), context.claim(j, 'leaving');
        const negators = indices.filter((i) => i < p && context.has(i, 'negator') && !context.has(i, 'never') && context.free(i));
        // "There's no machine of ours that isn't on the LAN": a negated noun before a relative clause negates it again.
        const antecedentNegated = clause.relative && c > 0 && context.indicesOf(c - 1).some((i) => context.has(i, 'negator'));
        facts.push({ place, negated: (negators.length + (antecedentNegated ? 1 : 0)) % 2 === 1, clause: c, piece: p, rank: 1 });
        context.claim(p, `where the endpoints are: ${place}`);
        for (const n of negators) context.claim(n, 'negates where the endpoints are');
      }
      if (!facts.length) return;
      // "laptops that travel occasionally": the noun a describing relative clause hangs on describes too.
      const antecedent = clause.relative ? context.before(clause.from) : -1;
      if (antecedent >= 0 && context.has(antecedent, 'endpoint') && context.free(antecedent)) endpoints.push(antecedent);
      // "do the clients need 443 to the edge server in hybrid mode?": endpoints with what is asked between them
      // and every place are the subject of the question, not of the description.
      const asked = (k: number) => (context.entities[k] && context.entities[k]!.kind !== 'mode') || context.pieces[k].kind === 'number';
      const describes = (e: number) => facts.some((f) => !context.pieces.slice(Math.min(e, f.piece) + 1, Math.max(e, f.piece)).some((_, k) => asked(Math.min(e, f.piece) + 1 + k)));
      for (const e of endpoints) {
        if (e !== antecedent && !describes(e)) continue;
        context.describing.add(e);
        context.claim(e, 'the endpoints of a deployment');
      }
      for (const v of verbs) context.claim(v, 'deployment verb');
      context.descriptions.add(c);
      context.facts.push(...facts);
      context.trace(() => [facts.map((f) => `${f.negated ? 'not ' : ''}${f.place}`).join('; '), facts.map((f) => f.piece)]);
    });
  },
};
