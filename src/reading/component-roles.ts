import type { ComponentEnd } from './query';
import type { ReadingContext } from './reading-context';

export type Role = ComponentEnd['role'];

/** A component named in the question, and the end of a flow it stands at (none: either end). */
export interface Mention {
  piece: number;
  id: string;
  role: Role;
}

/** The role a verb after a component gives it: "the console connects to", "the server listens on". */
export function roleAfter(context: ReadingContext, i: number): Role {
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

/** "between A and B", "do A and B talk to each other?": the sentences that ask what flows between components. */
export function betweenSentences(context: ReadingContext): Set<number> {
  const { pieces, clauses, clauseOf } = context;
  return new Set(pieces.flatMap((_, i) => (context.has(i, 'between') && context.spoken(i) ? [clauses[clauseOf[i]].sentence] : [])));
}

/** Whether the question selects flows by something other than components: a port, a service, a protocol. */
export function selectsFlows(context: ReadingContext): boolean {
  const { entities } = context;
  return context.query.ports.length > 0 || entities.some((e) => e !== undefined && e.kind !== 'component' && e.kind !== 'mode' && e.kind !== 'modeGroup');
}
