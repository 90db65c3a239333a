import { englishWords } from './english-words';
import { expandFlows, type Flow } from './expand-flows';
import { PhraseIndex, type Tag } from './phrase-index';
import type { CueName, Language, Matrix, OutputFormat, Vocabulary } from './schema';
import { pluralOf, toWords } from './words';

/** A validated knowledge base with the indexes the engine reads on every question. */
export interface Knowledge {
  matrix: Matrix;
  vocabulary: Vocabulary;
  language: Language;
  flows: Flow[];
  phrases: PhraseIndex;
  /** Words that carry no entity: the language file's filler, domain words and head nouns, and common English. */
  plainWords: ReadonlySet<string>;
  /** Common English alone: words that are plain, yet may be a typo of a name beside another name ("admin sever"). */
  englishWords: ReadonlySet<string>;
  headNouns: Set<string>;
  determiners: ReadonlySet<string>;
  /** Shorthand and the words it stands for, the product's own before the language's. */
  abbreviations: Map<string, string[]>;
  /** Every port or range the matrix uses, to tell a port it holds from one it does not. */
  portsInMatrix: Flow['ranges'];
  names: Map<string, string>;
  /** The display names as one frozen object, shared by every answer. */
  labels: Readonly<Record<string, string>>;
}

function indexPhrases(matrix: Matrix, vocabulary: Vocabulary, language: Language): PhraseIndex {
  const index = new PhraseIndex();
  const add = (phrase: string, tag: Tag, plural = false) => {
    const words = toWords(phrase);
    if (!words.length) return;
    index.add(words, tag);
    const plurals = plural ? pluralOf(words) : undefined;
    if (plurals) index.add(plurals, tag);
  };
  for (const component of matrix.components) add(component.name, { kind: 'component', id: component.id }, true);
  for (const mode of matrix.modes) for (const name of [mode.name, mode.title]) add(name, { kind: 'mode', id: mode.id });
  for (const [id, aliases] of Object.entries(vocabulary.components)) for (const a of aliases) add(a, { kind: 'component', id }, true);
  for (const [id, aliases] of Object.entries(vocabulary.modes)) for (const a of aliases) add(a, { kind: 'mode', id });
  for (const group of vocabulary.modeGroups) for (const a of group.aliases) add(a, { kind: 'modeGroup', id: group.id });
  for (const [id, aliases] of Object.entries(vocabulary.services)) for (const a of aliases) add(a, { kind: 'service', id });
  for (const [id, aliases] of Object.entries(vocabulary.protocols)) for (const a of aliases) add(a, { kind: 'protocol', id });
  for (const [id, aliases] of Object.entries(vocabulary.transports)) for (const a of aliases) add(a, { kind: 'transport', id });
  for (const p of vocabulary.product) add(p, { kind: 'product' });
  for (const p of vocabulary.otherProducts) add(p, { kind: 'otherProduct' });
  for (const [cue, phrases] of Object.entries(language.cues)) for (const p of phrases) add(p, { kind: 'cue', id: cue as CueName });
  for (const [format, phrases] of Object.entries(language.formats)) for (const p of phrases) add(p, { kind: 'format', id: format as OutputFormat });
  return index;
}

function uniqueRanges(ranges: Flow['ranges']): Flow['ranges'] {
  const seen = new Map(ranges.map((r) => [`${r.from}-${r.to}`, r]));
  return [...seen.values()];
}

export function buildKnowledge(matrix: Matrix, vocabulary: Vocabulary, language: Language): Knowledge {
  const flows = expandFlows(matrix);
  const names = new Map<string, string>([
    ...matrix.components.map((c) => [c.id, c.name] as const),
    ...matrix.modes.map((m) => [m.id, m.name] as const),
  ]);
  return {
    matrix,
    vocabulary,
    language,
    flows,
    phrases: indexPhrases(matrix, vocabulary, language),
    plainWords: new Set([...englishWords(), ...language.stopwords, ...language.domainWords, ...language.headNouns]),
    englishWords: englishWords(),
    headNouns: new Set(language.headNouns),
    determiners: new Set(language.determiners),
    abbreviations: new Map(Object.entries({ ...language.abbreviations, ...vocabulary.abbreviations }).map(([short, long]) => [short, toWords(long)])),
    portsInMatrix: uniqueRanges(flows.flatMap((f) => f.ranges)),
    names,
    labels: Object.freeze(Object.fromEntries(names)),
  };
}
