import { z } from 'zod';
import { intentSchema } from '../answer';
import { OUTPUT_FORMATS } from '../knowledge/closed-lists';
import { clarifyReasons, SLOTS, unknownReasons } from './query';

// The Query's zod schema, apart from query.ts: the reading itself runs without loading zod (start-up).

/** Where a slot came from: character offsets into the normalized question, and those words. */
export const spanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string() });

/** An id the question named, where (no span: taken from the previous question), and the words as read (after corrections). */
export const namedRefSchema = z.object({ id: z.string(), span: spanSchema.optional(), words: z.string().optional(), fuzzy: z.boolean().optional() });

/** Another way to read the question, offered when the reading cannot choose ("did you mean ..."). */
export const readingSchema = z.object({
  kind: z.enum(['component', 'pair', 'mode', 'diff']),
  components: z.array(z.string()),
  modes: z.array(z.string()),
});

/**
 * The question as read: what it asks for and every slot that selects rules, each with the span
 * of the question it came from. Selection, the answer, the "Understood as" line and a
 * conversation's next question read this, never the words again.
 */
export const querySchema = z.object({
  status: z.enum(['answered', 'clarify', 'unknown']),
  intent: intentSchema,
  reason: z.enum([...unknownReasons, ...clarifyReasons]).optional(),
  /** What kind of answer the question asks for; `none`: no sign of a question about ports at all. */
  ask: z.enum(['rules', 'check', 'change', 'explain', 'help', 'none']),
  /** The modes the answer covers, in the matrix's order; `how` says why each is there. */
  modes: z.array(namedRefSchema.extend({ how: z.enum(['named', 'described', 'remaining', 'all']), role: z.enum(['from', 'to']).optional() })),
  /** A change between two modes (intent diff). */
  change: z.object({ from: namedRefSchema, to: namedRefSchema }).optional(),
  /** The ends: a component with a role is a source or a destination; without, either end. */
  components: z.array(namedRefSchema.extend({ role: z.enum(['source', 'destination']).optional() })),
  /** "not only the edge server's ports but also the IO server's": each component on its own, not the flows between them. */
  apart: z.boolean(),
  direction: z.object({ value: z.enum(['in', 'out']), span: spanSchema.optional() }).optional(),
  ports: z.array(z.object({ from: z.number().int(), to: z.number().int(), span: spanSchema.optional() })),
  services: z.array(namedRefSchema),
  protocols: z.array(namedRefSchema),
  transports: z.array(namedRefSchema),
  /** The matrix's conditions (its notes) the question names ("named pipes"). */
  conditions: z.array(namedRefSchema),
  /** What the question leaves out: "not in exclusive BOI", "except the clients", "besides 3999". */
  exclusions: z.array(namedRefSchema.extend({ kind: z.enum(['component', 'mode', 'service', 'protocol', 'transport', 'condition', 'port']) })),
  /** "the entire port list": every rule, even with nothing else to select by. */
  everything: z.boolean(),
  format: z.object({ id: z.enum(OUTPUT_FORMATS), span: spanSchema.optional() }).optional(),
  /** A yes/no question asked the other way round ("can I close 1434?"). */
  reversed: z.boolean(),
  /** A generic noun that names no component in particular ("the server"). */
  vagueNoun: spanSchema.optional(),
  /** Words no vocabulary holds, or other products, that may be what the question is about. */
  foreign: z.array(spanSchema.extend({ otherProduct: z.boolean() })),
  foreignPorts: z.array(spanSchema),
  /** What the question asks that the matrix does not hold ("versions", "how do I install"). */
  topic: spanSchema.optional(),
  /** A place or network the question names where a component or a mode belongs ("over VPN", "to the LAN"). */
  place: spanSchema.optional(),
  /** The readings it hesitates between (status clarify, reason readings or conflicting-modes). */
  readings: z.array(readingSchema),
  /** Words read and set aside because they cannot change which rules answer, and why. */
  dropped: z.array(spanSchema.extend({ why: z.enum(['identifier', 'date', 'version', 'count', 'name', 'background', 'description', 'filler']) })),
  /** A fragment ("and in exclusive?") that takes what it leaves unnamed from the previous question. */
  fragment: z.boolean(),
  /** The question asks something of its own (a question word, a request, "ports"), unlike a bare "the edge server". */
  asked: z.boolean(),
  /** The slots taken from the previous question. */
  took: z.array(z.enum(SLOTS)),
  /** "start over": the conversation forgets its context. */
  reset: z.boolean(),
});

/**
 * What a conversation remembers of its last understood question: its Query, without the words of
 * the question (spans and set-aside words are dropped). Serializable, so that a shared store could hold it.
 */
export const conversationContextSchema = querySchema;
