import type { ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';
import { setAside } from '../set-aside';

const EARLIEST_YEAR = 1990;
const LATEST_YEAR = 2039;
const DAYS_IN_A_WEEK = 7;
const THOUSANDS_DIGITS = 3;
// "home 2 days", "in the office the other 3": a small number beside a place or a frequency counts days.
const DAY_CONTEXT = ['inside', 'outside', 'otherwise', 'sometimes', 'mostly'] as const;
const OPENING = new Set(['(', '[']);

/** Why a number on its own is no port ("version 9", "since 2021", "priority 2", "3 sites"), if it is none. */
function standalone(context: ReadingContext, i: number): 'version' | 'date' | 'identifier' | 'count' | undefined {
  const { pieces } = context;
  const value = Number(pieces[i].words);
  // "VLANs (10 and 20)": the bracket opens what the word before it numbers.
  const previous = pieces[i - 1]?.kind === 'punct' && OPENING.has(pieces[i - 1].words) ? i - 2 : i - 1;
  const next = pieces[i + 1];
  // "VLAN 10 and 20", "tickets 4411, 4412": a list of ids goes on, unless the matrix uses the number.
  const listed = (context.has(i - 1, 'conjunction') || pieces[i - 1]?.words === ',') && context.claimed[i - 2]?.endsWith(': identifier') === true;
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
 * Numbers on their own that are no ports: "version 9", "SQL Server 2019", "since 2021",
 * "priority 2", "VLANs (10 and 20)", "3 sites", "2 400 laptops", "443 of our staff". Runs after
 * the identifiers typed without spaces, before any number is read as a port.
 */
export const numbers: Refiner = {
  name: 'numbers',
  refine(context) {
    context.pieces.forEach((piece, i) => {
      if (piece.kind !== 'number' || !context.free(i)) return;
      const why = standalone(context, i);
      if (why === 'version' && context.has(i - 1, 'versionWord')) setAside(context, [i - 1, i], why);
      else if (why) setAside(context, [i], why);
    });
  },
};
