import type { Knowledge } from '../knowledge/build';
import type { AlternativeReading, NamedRef, Query } from './query';
import type { DeploymentFact, ReadingContext } from './reading-context';

/** Something that says which modes: a mode's name, "BOI", or a described deployment, with its time. */
export interface ModeEvidence {
  modes: string[];
  negated: boolean;
  role?: 'from' | 'to';
  rank: number;
  pieces: number[];
  how: 'named' | 'described';
  group: boolean;
  /** "people work from home": outside, but not how often, so exclusive or occasional BOI. */
  vague?: boolean;
}

export type Where = 'inside' | 'outside' | 'mixed' | 'outsideOrMixed' | 'conflict';

/**
 * Where the endpoints are, by the facts of one time: "always inside" (p = 0), "always outside"
 * (p = 1), or in between; a fact without "always", "never" or "sometimes" is soft.
 */
export function whereOf(facts: DeploymentFact[]): Where {
  const hard = new Set<number>();
  const soft = new Set<'in' | 'out'>();
  for (const { place, frequency, negated } of facts) {
    if (place === 'mixed') {
      if (!negated) hard.add(0.5);
      continue;
    }
    const out = place === 'outside';
    if (frequency === 'sometimes' || frequency === 'mostly') hard.add(0.5);
    else if (frequency === 'always') hard.add(negated ? 0.5 : out ? 1 : 0);
    // "it's not that people never work from home": not never is sometimes.
    else if (frequency === 'never') hard.add(negated ? 0.5 : out ? 0 : 1);
    else if (negated) hard.add(out ? 0 : 1);
    else soft.add(out ? 'out' : 'in');
  }
  if (hard.has(0.5)) return 'mixed';
  if (hard.has(0) && hard.has(1)) return 'conflict';
  if (hard.has(1)) return soft.has('in') ? 'conflict' : 'outside';
  if (hard.has(0)) return soft.has('out') ? 'conflict' : 'inside';
  if (soft.has('in') && soft.has('out')) return 'mixed';
  return soft.has('out') ? 'outsideOrMixed' : 'inside';
}

/** The modes the knowledge gives a deployment ("outside": exclusive BOI), if it has any. */
export function modesOf(where: Where, knowledge: Knowledge): string[] | undefined {
  const deployments = knowledge.vocabulary.deployments;
  if (!deployments || where === 'conflict') return undefined;
  // A product with no mode for "sometimes inside, sometimes outside" reads only the two others.
  const modes = (where === 'outsideOrMixed' ? [deployments.outside, deployments.mixed] : [deployments[where]]).filter((m): m is string => Boolean(m));
  return modes.length ? modes : undefined;
}

/** The modes a set of evidence leaves: those named (a group's, unless one of its modes is), those described, less the negated. */
export function combine(evidence: ModeEvidence[], all: string[]): { modes: string[]; conflict: boolean; how: Query['modes'][number]['how'] } {
  const positive = evidence.filter((e) => !e.negated);
  const named = positive.filter((e) => e.how === 'named');
  const singles = new Set(named.filter((e) => !e.group).flatMap((e) => e.modes));
  const namedSet = new Set(singles);
  for (const group of named.filter((e) => e.group)) if (!group.modes.some((m) => singles.has(m))) group.modes.forEach((m) => namedSet.add(m));
  const described = positive.filter((e) => e.how === 'described');
  let chosen: Set<string> | undefined = named.length ? namedSet : undefined;
  for (const d of described) {
    const next: Set<string> = chosen ? new Set(d.modes.filter((m) => chosen!.has(m))) : new Set(d.modes);
    if (!next.size) return { modes: [...new Set([...(chosen ?? []), ...d.modes])], conflict: true, how: 'described' };
    chosen = next;
  }
  const negated = new Set(evidence.filter((e) => e.negated).flatMap((e) => e.modes));
  const modes = all.filter((m) => (chosen ? chosen.has(m) : true) && !negated.has(m));
  const how = described.length ? 'described' : named.length ? 'named' : negated.size ? 'remaining' : 'all';
  return { modes, conflict: false, how };
}

/** The kind of reading a question back offers for these components: a pair, one component, or a whole mode. */
export const readingKind = (components: readonly string[]): AlternativeReading['kind'] => (components.length > 1 ? 'pair' : components.length ? 'component' : 'mode');

/** A mode with the words it came from: one piece keeps that piece's words (and whether they were a typo). */
export function modeRef(context: ReadingContext, id: string, evidence: ModeEvidence[]): NamedRef {
  const own = evidence.filter((x) => x.modes.includes(id));
  const from = own.length ? own : evidence;
  if (own.length === 1 && own[0].pieces.length === 1) return { id, ...context.ref(own[0].pieces[0]) };
  if (!from.length) return { id };
  const pieces = from.flatMap((x) => x.pieces);
  return { id, span: context.span(Math.min(...pieces), Math.max(...pieces)) };
}

/**
 * A change asked about, not one told beside the question ("we moved everyone to exclusive BOI
 * last month"), nor an event named as a thing ("we are planning the migration").
 */
export function asksChange(context: ReadingContext): boolean {
  const event = (i: number) => context.has(i, 'diffEvent') && context.has(i - 1, 'determiner');
  return context.pieces.some((_, i) => context.has(i, 'diff') && context.spoken(i) && context.questionClause(context.clauseOf[i]) && !event(i));
}

/** After a story over time, "what's new for the edge server?", "what should be closed?" ask what changes too. */
export function asksWhatChanged(context: ReadingContext): boolean {
  const asked = (i: number) => (context.has(i, 'added') || context.has(i, 'removed')) && context.spoken(i) && context.questionClause(context.clauseOf[i]);
  return asksChange(context) || context.pieces.some((_, i) => asked(i));
}
