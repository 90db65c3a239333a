import { z } from 'zod';
import { OUTPUT_FORMATS, WORD_CLASSES, type OutputFormat, type WordClass } from './closed-lists';

/** Ids are kebab-case, so that they read well in JSON answers and never collide with prose. */
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id');
/** A phrase as the engine compares it: lower case words separated by single spaces. */
const phrase = z.string().regex(/^[a-z0-9]+( [a-z0-9]+)*$/, 'must be lower-case words separated by single spaces');
const word = z.string().regex(/^[a-z0-9]+$/, 'must be one lower-case word');
const text = z.string().trim().min(1, 'must not be empty');

/** "443" or "135-139"; bounds and order are checked by the loader, which knows the path. */
export const portSpecSchema = z.string().regex(/^\d{1,5}(-\d{1,5})?$/, 'must be a port ("443") or a range ("135-139")');

const flowBlockSchema = z.strictObject({
  sources: z.array(id).min(1),
  destinations: z.array(id).min(1),
  /** A remark on the flows to one destination, e.g. the document's "SQL Server*" footnote. */
  destinationNotes: z.record(id, id).optional(),
});

/** One row of one of the document's tables: per deployment mode, its flows or "NA". */
const serviceRowSchema = z.strictObject({
  table: id,
  modes: z.record(id, z.union([z.literal('NA'), flowBlockSchema])),
});

export const matrixSchema = z.strictObject({
  $comment: z.string().optional(),
  product: text,
  document: text,
  version: text,
  components: z.array(z.strictObject({ id, name: text })).min(1),
  modes: z.array(z.strictObject({ id, name: text, title: text, definition: text })).min(1),
  protocols: z.array(z.strictObject({ id: z.string().regex(/^[A-Z]+(\/[A-Z]+)*$/), transports: z.array(word).min(1) })).min(1),
  // advice: what to do about the note in a firewall script (not from the document; shown as the exports' advice).
  notes: z.array(z.strictObject({ id, text, advice: z.string().min(1).optional() })),
  tables: z.array(z.strictObject({ id, title: text })).min(1),
  services: z
    .array(
      z.strictObject({
        id,
        name: text,
        ports: z.array(portSpecSchema).min(1),
        /** A remark on the port itself, e.g. "1433 or dynamic port". */
        portNote: id.optional(),
        protocol: z.string(),
        rows: z.array(serviceRowSchema).min(1),
      }),
    )
    .min(1),
});
export type Matrix = z.infer<typeof matrixSchema>;

export const vocabularySchema = z.strictObject({
  $comment: z.string().optional(),
  /** The product's own names: understood and passed over, they select nothing. */
  product: z.array(phrase),
  /** Products and protocols admins confuse with this one: a question about them is answered "I don't know". */
  otherProducts: z.array(phrase).default([]),
  /** Shorthand read as the words it stands for ("bio" → "boi"), before names are matched. */
  abbreviations: z.record(word, phrase).default({}),
  components: z.record(id, z.array(phrase).min(1)),
  modes: z.record(id, z.array(phrase).min(1)),
  /** A word that names several modes at once ("BOI": both BOI modes). */
  modeGroups: z.array(z.strictObject({ id, name: text, modes: z.array(id).min(2), aliases: z.array(phrase).min(1) })),
  services: z.record(id, z.array(phrase).min(1)),
  protocols: z.record(z.string(), z.array(phrase).min(1)),
  transports: z.record(word, z.array(phrase).min(1)),
  /** Names of the matrix's conditions (its notes): "we don't use named pipes" leaves out the flows under that note. */
  conditions: z.record(id, z.array(phrase).min(1)).default({}),
  /**
   * The modes a deployment described by where its endpoints are stands for, by the document's
   * definitions: always inside the corporate network, always outside it, or sometimes each.
   */
  deployments: z.strictObject({ inside: id, outside: id, mixed: id.optional() }).optional(),
  /** The component that words for the endpoints ("laptops", "users") name when they are the subject. */
  endpointComponent: id.optional(),
});
export type Vocabulary = z.infer<typeof vocabularySchema>;

// The closed lists live apart from the schemas: the engine reads them without loading zod.
export { WORD_CLASSES, OUTPUT_FORMATS, type WordClass, type OutputFormat } from './closed-lists';

const phrases = z.array(phrase);
const plural = z.strictObject({ zero: text, one: text, other: text });
/** A sentence of the answers, with {placeholders} that the loader checks; kept as written (a separator is ", "). */
const sentence = z.string().min(1, 'must not be empty');
const sentences = <K extends string>(keys: readonly K[]) => z.strictObject(Object.fromEntries(keys.map((k) => [k, sentence])) as Record<K, typeof sentence>);

/** The keys of each group of messages, and the placeholders each may use (checked at load). */
export const MESSAGE_PLACEHOLDERS = {
  unknown: { foreignPort: ['ports', 'product'], foreignPorts: ['ports', 'product'], foreignWord: ['words', 'product'], foreignWords: ['words', 'product'], offMatrix: ['topic', 'product'], offTopic: ['product'] },
  clarify: {
    nothingSelected: [], checkNeedsSubject: [], diffNeedsTwoModes: [], whichComponent: ['count', 'components'], conflictingModes: ['modes'], howOften: ['modes'], ambiguousPlace: ['place'],
    zone: ['zone'], readings: [], vagueChange: [], tooLong: ['limit'], empty: ['product'],
  },
  answer: {
    help: ['product', 'document'], reset: [], explainOne: ['modes', 'document'], explainMany: ['modes', 'document'], diff: ['from', 'to', 'added', 'removed'],
    rules: ['rules', 'scope'], noRules: ['subject', 'scope'], yes: ['rules', 'subject', 'modes'], no: ['subject', 'scope'], readAsNeeded: [], keepOpen: [], needNotBeOpen: [],
    browse: ['rules', 'scope'],
  },
  understood: {
    nothing: [], refused: [], anyMode: [], allModes: [], bothDirections: [], inbound: [], outbound: [], isItNeeded: [], changes: ['from', 'to'], explainOne: ['modes'],
    explainMany: ['modes'], format: ['format'], between: ['list'], from: ['list'], to: ['list'], for: ['subject'], forThis: [], involving: ['list'], service: ['list'],
    port: ['list'], ports: ['list'], except: ['list'], condition: ['list'], everything: [], previous: ['slot'], and: [], comma: [],
  },
  text: { understoodAs: ['understood'], try: [], change: [], added: ['mode'], removed: ['mode'] },
  export: { privateOnly: ['mode', 'service', 'ports', 'protocol', 'source', 'destination', 'addresses'] },
} as const satisfies Record<string, Record<string, readonly string[]>>;
type Keys<G extends keyof typeof MESSAGE_PLACEHOLDERS> = keyof (typeof MESSAGE_PLACEHOLDERS)[G] & string;
const group = <G extends keyof typeof MESSAGE_PLACEHOLDERS>(name: G) => sentences(Object.keys(MESSAGE_PLACEHOLDERS[name]) as Keys<G>[]);

export const languageSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Contracted forms read as the words they stand for ("don't" → "do not"), before anything else. */
  contractions: z.strictObject({ whole: z.record(z.string(), phrase), suffixes: z.record(z.string(), phrase) }),
  /** Shorthand read as the words it stands for ("svr" → "server"), before names are matched. */
  abbreviations: z.record(word, phrase),
  /** Symbols read as a word ("100%" → "100 percent"). */
  symbols: z.record(z.string().length(1), word).default({}),
  formats: z.strictObject(Object.fromEntries(OUTPUT_FORMATS.map((f) => [f, phrases.min(1)])) as Record<OutputFormat, z.ZodArray<typeof phrase>>),
  words: z.strictObject(Object.fromEntries(WORD_CLASSES.map((name) => [name, phrases])) as Record<WordClass, typeof phrases>),
  /** Questions the engine offers (examples, "did you mean"), with {component}, {otherComponent}, {mode}, {otherMode}, {port}. */
  templates: z.strictObject({
    component: text,
    componentAllModes: text,
    port: text,
    mode: text,
    diff: text,
    componentDiff: text,
    explain: text,
    pair: text,
    pairInMode: text,
    check: text,
  }),
  messages: z.strictObject({
    unknown: group('unknown'),
    clarify: group('clarify'),
    answer: group('answer'),
    counts: z.strictObject({ rule: plural, flow: plural }),
    understood: group('understood'),
    text: group('text').extend({ columns: z.array(text).length(6) }),
    /** The firewall exports' warnings. */
    export: group('export'),
  }),
});
export type Language = z.infer<typeof languageSchema>;
export type Messages = Language['messages'];
