import { indexRange } from '../index-range';
import type { Piece } from '../pieces';
import type { ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';
import { setAside, type Dropped } from '../set-aside';

// Marks that join the parts of one identifier typed without spaces ("SR#61905", "2025-03-31", "v9.5").
const JOINING = new Set(['-', '.', '/', '#', '_', ':', '%', '$', '€', '£']);
const gluable = (piece: Piece) => piece.kind !== 'punct' || JOINING.has(piece.words);
// A share or an amount ("100%", "$5"): the number is no port.
const CURRENCY_OR_SHARE = new Set(['%', '$', '€', '£']);
const DAYS_IN_A_MONTH = 31;
const MONTHS = 12;

/** Classifies one run of pieces typed without spaces; returns the pieces it sets aside and why. */
function compound(context: ReadingContext, start: number, stop: number): { why: 'identifier' | 'date' | 'version'; pieces: number[] } | undefined {
  const { pieces } = context;
  let anyNumber = false;
  for (let i = start; i < stop && !anyNumber; i++) anyNumber = pieces[i].kind === 'number';
  if (!anyNumber) return undefined;
  // Only marks inside the run count: "3999." ends a sentence, "#" may open a ticket id.
  let from = start;
  let to = stop;
  const counts = (i: number) => pieces[i].kind !== 'punct' || CURRENCY_OR_SHARE.has(pieces[i].words);
  while (to > from && !counts(to - 1)) to--;
  while (from < to && !counts(from) && pieces[from].words !== '#') from++;
  const indices = indexRange(from, to);
  const numbers = indices.filter((i) => pieces[i].kind === 'number');
  if (!numbers.length) return undefined;
  const marks = indices.filter((i) => pieces[i].kind === 'punct').map((i) => pieces[i].words);
  const letters = indices.filter((i) => pieces[i].kind === 'word' || pieces[i].kind === 'phrase');
  // "10.0.0.5", "9.6", "v9.5": versions and addresses.
  if (marks.includes('.')) return { why: 'version', pieces: indices };
  if (marks.some((m) => m === '%' || m === '$' || m === '€' || m === '£')) return { why: 'identifier', pieces: indices };
  if (marks.includes('#')) {
    // "port #443" is a port; "SR#61905", "#20240517-003" are tickets.
    const portBefore = pieces[from].words === '#' && context.has(context.before(from), 'portWord');
    return portBefore ? undefined : { why: 'identifier', pieces: indices };
  }
  if (numbers.length >= 3) return { why: 'date', pieces: indices };
  // "ticket 7009-22": the number of a thing.
  if (indices.length > 1 && context.has(from - 1, 'idWord') && !context.has(from - 1, 'portWord')) return { why: 'identifier', pieces: indices };
  // "14:34", "9:30": a time of day.
  if (numbers.length === 2 && !letters.length && marks.length === 1 && marks[0] === ':') return { why: 'date', pieces: indices };
  // "14/11", "1/7": a day and a month.
  if (numbers.length === 2 && !letters.length && marks.length === 1 && marks[0] === '/') {
    const [a, b] = numbers.map((i) => Number(pieces[i].words));
    if (a <= DAYS_IN_A_MONTH && b <= DAYS_IN_A_MONTH && (a <= MONTHS || b <= MONTHS)) return { why: 'date', pieces: indices };
  }
  if (!letters.length) return undefined;
  // "tcp1433", "1433/tcp", "port8009": the letters say it is a port.
  if (letters.every((i) => context.has(i, 'portWord') || pieces[i].info?.entity?.kind === 'transport' || pieces[i].info?.entity?.kind === 'protocol')) return undefined;
  // "the 7000s": a range of ports, read by the port refiner.
  if (letters.length === 1 && pieces[letters[0]].words === 's' && numbers.length === 1) return undefined;
  // "SQL2019", "Exchange2019", "veeam12": a name with its version; the name stays to be read.
  const named = letters.filter((i) => pieces[i].info?.entity || pieces[i].info?.otherProduct || pieces[i].info?.product || (pieces[i].kind === 'word' && !pieces[i].english));
  if (named.length && letters.every((i) => named.includes(i) || pieces[i].classes.has('versionWord'))) {
    const otherNamed = named.some((i) => pieces[i].info?.entity || pieces[i].info?.otherProduct || pieces[i].info?.product);
    if (otherNamed) return { why: 'version', pieces: indices.filter((i) => !named.includes(i)) };
  }
  // "INC0012345", "REQ-7781", "Win11", "Q4", "ELI5", "P1/Sev2": ids, never ports.
  return { why: 'identifier', pieces: indices };
}

/**
 * Ticket ids, dates, versions, years after a product name and counts hold digits that are no
 * ports: they are set aside here, before any number is read as a port.
 */
export const identifiers: Refiner = {
  name: 'identifiers',
  refine(context) {
    const { pieces, query } = context;
    const drop = (indices: number[], why: Dropped) => setAside(context, indices, why);
    for (let i = 0; i < pieces.length; ) {
      let j = i + 1;
      while (j < pieces.length && pieces[j].glued && gluable(pieces[j]) && gluable(pieces[j - 1])) j++;
      const found = compound(context, i, j);
      if (found) drop(found.pieces, found.why);
      // "it's for change CHG-30412", "ticket INC0012345": the word that names the id is part of it.
      const label = found ? found.pieces[0] - 1 : -1;
      if (found?.why === 'identifier' && (context.has(label, 'idWord') || context.has(label, 'diff')) && !context.has(label, 'portWord')) drop([label], 'identifier');
      // "TLS 1.2", "SMBv1": the version of a protocol is something the matrix does not hold.
      const protocol = context.before(i);
      if (found?.why === 'version' && (context.entities[protocol]?.kind === 'protocol' || context.entities[protocol]?.kind === 'service' || context.entities[i]?.kind === 'protocol'))
        query.topic ??= context.span(Math.min(protocol, i), j - 1);
      i = j;
    }
  },
};
