import type { ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';

const NEGATABLE = new Set(['component', 'mode', 'modeGroup', 'service', 'protocol', 'transport', 'condition']);

/** A piece a negation may leave out: a name of the vocabulary, or a port. */
function target(context: ReadingContext, i: number, describes: boolean): boolean {
  const entity = context.entities[i];
  if (entity && NEGATABLE.has(entity.kind)) return !(describes && context.has(i, 'endpoint'));
  return context.pieces[i]?.kind === 'number' && (context.free(i) || context.claimed[i]?.endsWith('port') === true);
}

const SKIPPED = ['negationSkip', 'determiner', 'auxiliary', 'plainModifier'] as const;
// "except anything coming from the clients", "leave out anything touching the SQL Server"; but a plain
// "not" before "reach" is a fault ("laptops can't reach SQL"), not a leaving out.
const SKIPPED_AFTER_EXCEPT = [...SKIPPED, 'from', 'to', 'topic', 'inbound', 'outbound'] as const;
const skippable = (context: ReadingContext, i: number, except = false) => (except ? SKIPPED_AFTER_EXCEPT : SKIPPED).some((c) => context.has(i, c));
const joins = (context: ReadingContext, i: number) => context.has(i, 'join') || context.pieces[i]?.words === ',';
const PLACES = ['inside', 'outside', 'mixed'] as const;

/**
 * "we don't use BOI", "not in exclusive BOI", "except the clients", "besides 3999", "the IO
 * server is out of the picture": marks what a negation leaves out, within its clause. A negation
 * of where the endpoints are ("never leave the building") is the deployment grammar's.
 */
export const negation: Refiner = {
  name: 'negation',
  refine(context) {
    const { pieces, clauseOf, clauses } = context;
    const mark = (negated: number, negator: number) => {
      if (context.negated.has(negated)) return;
      context.negated.set(negated, negator);
      context.claim(negator, 'negation');
      context.trace(() => [`"${pieces[negator].words}" leaves out "${pieces[negated].words}"`, [negator, negated]]);
    };
    // Endpoint words in a description ("no machine of ours that isn't on the LAN") are the deployment's, not a component left out.
    // Once per clause: a clause of a thousand negators would otherwise be scanned a thousand times.
    const places = new Map<number, boolean>();
    const placesIn = (c: number) => {
      if (!places.has(c)) places.set(c, context.indicesOf(c).some((i) => PLACES.some((p) => context.has(i, p))));
      return places.get(c) as boolean;
    };
    // "Is 7009 used anywhere outside exclusive BOI?": outside a mode is all but it.
    pieces.forEach((piece, n) => {
      const forward = piece.classes.has('negator') || piece.classes.has('exclude') || (piece.classes.has('outside') && context.namesMode(n + 1));
      const backward = piece.classes.has('excludeAfter');
      if ((!forward && !backward) || !context.free(n)) return;
      const clause = clauses[clauseOf[n]];
      const next = clauses[clauseOf[n] + 1];
      const describes = placesIn(clauseOf[n]) || (next?.relative === true && placesIn(clauseOf[n] + 1));
      // "is 1433 not needed?", "isn't it the case that 8009 isn't needed?": the question's own "not", not a leaving out.
      // A relative clause belongs to the question it continues; "if we don't use BOI" opens its own.
      const start = clause.relative ? clauses.find((k) => k.sentence === clause.sentence)!.from : clause.from;
      const opening = start + (context.has(start, 'opener') ? 1 : 0);
      const asks = context.has(opening, 'checkStart') || context.has(opening, 'wh');
      // "which rules don't involve the SQL server?" leaves it out: "involve" names no direction, and no need.
      const asksNeed = context.has(n + 1, 'checkWord') || (context.has(n + 1, 'matrixVerb') && !context.has(n + 1, 'topic'));
      if (asks && (n === opening || asksNeed)) return;
      // "is 8009 disabled in exclusive?" asks; "SQL server ports, BOI disabled" leaves BOI out.
      if (asks && context.has(opening, 'checkStart') && !forward) return;
      if (forward) {
        // "which rules don't involve the SQL server": the verb that names no direction is skipped too.
        let j = n + 1 + (context.has(n + 1, 'topic') && context.has(n + 1, 'matrixVerb') ? 1 : 0);
        const except = piece.classes.has('exclude');
        // "minus the ones where the DLO clients are ...": the relative clause says which ones are left out.
        const next = clauses[clauseOf[n] + 1];
        const to = except && next?.relative ? next.to : clause.to;
        const skip = (k: number) => skippable(context, k, except) || (k === clause.to && to > clause.to) || (k < to && context.has(k, 'relative'));
        while (j < to && !target(context, j, describes) && skip(j) && !PLACES.some((p) => context.has(j, p))) j++;
        if (j < to && target(context, j, describes)) {
          mark(j, n);
          // "... where the DLO clients are one of the endpoints": the same name again in what is left out.
          if (to > clause.to) for (let k = j + 1; k < to; k++) if (context.entities[k]?.id === context.entities[j]?.id) mark(k, n);
          // "except the clients and the edge server": a list goes on, name after name.
          for (let k = j + 1; k < pieces.length; ) {
            if (!joins(context, k)) break;
            let m = k + 1;
            while (context.has(m, 'determiner')) m++;
            if (!target(context, m, describes) || context.entities[m]?.kind !== context.entities[j]?.kind) break;
            mark(m, n);
            k = m + 1;
          }
          return;
        }
      }
      // "BOI isn't used here", "the IO server is out of the picture": what stands before the negation;
      // but not "laptops can't reach SQL", which reports a fault.
      const predicate = backward || (context.has(n - 1, 'copula') && (n + 1 >= clause.to || skippable(context, n + 1)));
      // "out" and "aside" leave out only what "leaving" or "leave" opened: "leaving non-BOI out".
      const bare = piece.words === 'out' || piece.words === 'aside';
      if (!predicate || (bare && piece.words === 'out' && !context.indicesOf(clauseOf[n]).some((i) => i < n && context.has(i, 'exclude')))) return;
      for (let j = n - 1; j >= clause.from; j--) {
        if (target(context, j, describes)) return mark(j, n);
        if (!skippable(context, j)) return;
      }
    });
  },
};
