import { z } from 'zod';

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
  notes: z.array(z.strictObject({ id, text })),
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
});
export type Vocabulary = z.infer<typeof vocabularySchema>;

const cueNames = [
  'inbound', 'outbound', 'from', 'to', 'sourceVerbs', 'destinationVerbs', 'between', 'join', 'checkStarts', 'checkWords',
  'requestAfterCheck', 'closeWords', 'diff', 'explain', 'modesTopic', 'help', 'everything', 'rulesWords', 'openers',
  'followUp', 'reset', 'yesNoPhrases', 'diffBase', 'listStarts', 'exclude',
] as const;
export type CueName = (typeof cueNames)[number];

/** The output formats a question may ask for ("as CSV"); each has a renderer. */
export const OUTPUT_FORMATS = ['csv', 'markdown', 'json', 'powershell'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const languageSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Shorthand read as the words it stands for ("svr" → "server"), before names are matched. */
  abbreviations: z.record(word, phrase),
  formats: z.strictObject(Object.fromEntries(OUTPUT_FORMATS.map((f) => [f, z.array(phrase).min(1)])) as Record<OutputFormat, z.ZodArray<typeof phrase>>),
  cues: z.strictObject(Object.fromEntries(cueNames.map((name) => [name, z.array(phrase).min(1)])) as Record<CueName, z.ZodArray<typeof phrase>>),
  /** Words a name may follow without changing what precedes it ("from the edge server"). */
  determiners: z.array(word).min(1),
  headNouns: z.array(word).min(1),
  domainWords: z.array(word),
  stopwords: z.array(word),
  templates: z.strictObject({
    component: text,
    port: text,
    mode: text,
    diff: text,
    explain: text,
    pair: text,
    check: text,
  }),
});
export type Language = z.infer<typeof languageSchema>;
