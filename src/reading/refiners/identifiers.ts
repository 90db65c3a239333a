import type { Piece } from '../pieces';
import type { ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';

// Marks that join the parts of one identifier typed without spaces ("SR#61905", "2025-03-31", "v9.5").
const JOINING = new Set(['-', '.', '/', '#', '_', ':', '%', '$', '€', '£']);
const gluable = (piece: Piece) => piece.kind !== 'punct' || JOINING.has(piece.words);
// A share or an amount ("100%", "$5"): the number is no port.
const CURRENCY_OR_SHARE = new Set(['%', '$', '€', '£']);
const EARLIEST_YEAR = 1990;
const DAYS_IN_A_WEEK = 7;
const DAYS_IN_A_MONTH = 31;
const MONTHS = 12;
// "home 2 days", "in the office the other 3": a small number beside a place or a frequency counts days.
const DAY_CONTEXT = ['inside', 'outside', 'otherwise', 'sometimes', 'mostly'] as const;
const LATEST_YEAR = 2039;
const OPENING = new Set(['(', '[']);
const THOUSANDS_DIGITS = 3;

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
  const indices = Array.from({ length: to - from }, (_, k) => from + k);
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

/** Why a number on its own is no port ("version 9", "since 2021", "priority 2", "3 sites"), if it is none. */
function standalone(context: ReadingContext, i: number): 'version' | 'date' | 'identifier' | 'count' | undefined {
  const { pieces } = context;
  const value = Number(pieces[i].words);
  // "VLANs (10 and 20)": the bracket opens what the word before it numbers.
  const previous = pieces[i - 1]?.kind === 'punct' && OPENING.has(pieces[i - 1].words) ? i - 2 : i - 1;
  const next = pieces[i + 1];
  // "VLAN 10 and 20", "tickets 4411, 4412": a list of ids goes on, unless the matrix uses the number.
  const listed = (context.has(i - 1, 'conjunction') || pieces[i - 1]?.words === ',') && context.claimed[i - 2] === 'identifiers: identifier';
  if (listed && !context.knowledge.portsInMatrix.some((r) => r.from <= value && value <= r.to)) return 'identifier';
  // "SQL Server 2019", "Windows Server 2022": a year after a product; "version 9", "DLO 10": a version.
  if (context.has(previous, 'versionWord') || pieces[previous]?.info?.product) return 'version';
  if (value >= EARLIEST_YEAR && value <= LATEST_YEAR && context.has(previous, 'versioned')) return 'version';
  // "priority 2", "VLAN 30", "item 4": numbers of things.
  if (context.has(previous, 'idWord') && !context.has(previous, 'portWord')) return 'identifier';
  // "1 July", "14 March", "since 2021", "from 2025": dates.
  if (context.has(i + 1, 'month') || context.has(previous, 'month') || context.has(i + 1, 'weekday')) return 'date';
  if (value >= EARLIEST_YEAR && value <= LATEST_YEAR && context.has(previous, 'yearBefore')) return 'date';
  if (context.has(previous, 'portWord')) return undefined;
  // "3 sites", "2 DCs", "4 IO servers", "1 admin server", "~1200 laptops", "home 2 days / 3 in the office": counts.
  const plural = next !== undefined && next.words.endsWith('s');
  const counted = next?.info?.entity?.kind === 'component' || context.has(i + 1, 'endpoint');
  if (context.has(i + 1, 'countNoun') || (next?.kind === 'word' && !next.glued && plural) || (counted && (plural || value === 1))) return 'count';
  // "120 field engineers", "200 Windows laptops": a word between the count and what it counts.
  const after = pieces[i + 2];
  if (next && (next.kind === 'word' || context.has(i + 1, 'neutral')) && after && (context.has(i + 2, 'countNoun') || context.has(i + 2, 'endpoint')) && after.words.endsWith('s')) return 'count';
  if (pieces[previous]?.words === '~' || (next?.words === '+' && next.glued)) return 'count';
  // "2 400 laptops": thousands written with a space.
  if (next?.kind === 'number' && next.words.length === THOUSANDS_DIGITS && value < 1000 && standalone(context, i + 1) === 'count') return 'count';
  // "All 443 of our staff": a count of the endpoints.
  let of = i + 2;
  while (context.has(of, 'determiner')) of++;
  if (context.has(i + 1, 'partOf') && (context.has(of, 'endpoint') || context.has(of, 'countNoun')) && !context.entities[of]?.kind.startsWith('mode')) return 'count';
  const beside = (k: number) => DAY_CONTEXT.some((c) => context.has(k, c));
  if (value <= DAYS_IN_A_WEEK && (beside(i + 1) || beside(previous))) return 'count';
  return undefined;
}

/**
 * Ticket ids, dates, versions, years after a product name and counts hold digits that are no
 * ports: they are set aside here, before any number is read as a port.
 */
export const identifiers: Refiner = {
  name: 'identifiers',
  refine(context) {
    const { pieces, query } = context;
    const drop = (indices: number[], why: Parameters<typeof query.dropped.push>[0]['why']) => {
      const free = indices.filter((i) => context.free(i));
      if (!free.length) return;
      for (const i of free) context.claim(i, why);
      query.dropped.push({ ...context.span(free[0], free[free.length - 1]), why });
      context.trace(() => [`not a port: ${why}`, free]);
    };
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
    pieces.forEach((piece, i) => {
      if (piece.kind !== 'number' || !context.free(i)) return;
      const why = standalone(context, i);
      if (why === 'version' && context.has(i - 1, 'versionWord')) drop([i - 1, i], why);
      else if (why) drop([i], why);
    });
  },
};
