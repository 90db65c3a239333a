import type { z } from 'zod';
import type { namedRefSchema, querySchema, readingSchema, spanSchema } from './query-schema';

// Types and constants only: the schemas are in query-schema.ts, so reading a question loads no zod.

/** Where a slot came from: character offsets into the normalized question, and those words. */
export type Span = z.infer<typeof spanSchema>;
/** An id the question named, where (no span: taken from the previous question), and the words as read (after corrections). */
export type NamedRef = z.infer<typeof namedRefSchema>;

export const unknownReasons = ['foreign-port', 'foreign-subject', 'off-matrix', 'off-topic'] as const;
export const clarifyReasons = [
  'nothing-selected', 'check-needs-subject', 'diff-needs-two-modes', 'which-component', 'conflicting-modes', 'how-often', 'ambiguous-place', 'zone', 'readings', 'vague-change',
] as const;

/** Another way to read the question, offered when the reading cannot choose ("did you mean ..."). */
export type AlternativeReading = z.infer<typeof readingSchema>;

/** The slots a follow-up may take from the question before it. */
export const SLOTS = ['components', 'modes', 'ports', 'services', 'transports', 'direction', 'format', 'check', 'change'] as const;

/** The question as read (see querySchema). */
export type Query = z.infer<typeof querySchema>;
export type ComponentEnd = Query['components'][number];
export type Exclusion = Query['exclusions'][number];

/** An empty Query: what a question that names nothing reads as, before the refiners fill it in. */
export function emptyQuery(): Query {
  return {
    status: 'answered', intent: 'help', ask: 'none', modes: [], components: [], ports: [], services: [], protocols: [], transports: [], conditions: [], exclusions: [],
    apart: false, everything: false, reversed: false, foreign: [], foreignPorts: [], readings: [], dropped: [], fragment: false, asked: false, took: [], reset: false,
  };
}
