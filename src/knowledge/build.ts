import type { DiagramPresentation } from './diagram-schema';
import { englishWords } from './english-words';
import { expandFlows, type Flow } from './expand-flows';
import { PhraseIndex, type PhraseTag } from './phrase-index';
import { WORD_CLASSES, type OutputFormat } from './closed-lists';
import type { Language, Matrix, Vocabulary } from './schema';
import { pluralOf, toWords } from './words';

/** A validated knowledge base with the indexes the engine reads on every question. */
export interface Knowledge {
  matrix: Matrix;
  vocabulary: Vocabulary;
  language: Language;
  /** How the flow diagram groups the components (knowledge/diagram.json); empty without that file. */
  diagram: DiagramPresentation;
  flows: Flow[];
  /** Every name of the vocabulary and every phrase of the locale's word classes. */
  phrases: PhraseIndex;
  /** Common English: ordinary words, which a question may hold without being about something else. */
  englishWords: Pick<ReadonlySet<string>, 'has'>;
  /** Shorthand and the words it stands for, the product's own before the language's. */
  abbreviations: Map<string, string[]>;
  /** Every port or range the matrix uses, to tell a port it holds from one it does not. */
  portsInMatrix: Flow['ranges'];
  names: Map<string, string>;
  /** The display names as one frozen object, shared by every answer. */
  labels: Readonly<Record<string, string>>;
  /** The rows named after a component's port ("Dedupe Port"), by component, with the word that names the port. */
  portRows: Map<string, { word: string; services: string[] }>;
}

function indexPhrases(matrix: Matrix, vocabulary: Vocabulary, language: Language): PhraseIndex {
  const index = new PhraseIndex();
  const add = (phrase: string, tag: PhraseTag, plural = false) => {
    const words = toWords(phrase);
    if (!words.length) return;
    index.add(words, tag);
    const plurals = plural ? pluralOf(words) : undefined;
    if (plurals) index.add(plurals, tag);
  };
  const entity = (kind: Extract<PhraseTag, { entity: unknown }>['entity']['kind'], id: string): PhraseTag => ({ entity: { kind, id } });
  for (const component of matrix.components) add(component.name, entity('component', component.id), true);
  for (const mode of matrix.modes) for (const name of [mode.name, mode.title]) add(name, entity('mode', mode.id));
  for (const [id, aliases] of Object.entries(vocabulary.components)) for (const a of aliases) add(a, entity('component', id), true);
  for (const [id, aliases] of Object.entries(vocabulary.modes)) for (const a of aliases) add(a, entity('mode', id));
  for (const group of vocabulary.modeGroups) for (const a of group.aliases) add(a, entity('modeGroup', group.id));
  for (const [id, aliases] of Object.entries(vocabulary.services)) for (const a of aliases) add(a, entity('service', id));
  for (const [id, aliases] of Object.entries(vocabulary.protocols)) for (const a of aliases) add(a, entity('protocol', id));
  for (const [id, aliases] of Object.entries(vocabulary.transports)) for (const a of aliases) add(a, entity('transport', id));
  for (const [id, aliases] of Object.entries(vocabulary.conditions)) for (const a of aliases) add(a, entity('condition', id));
  for (const p of vocabulary.product) add(p, { product: true });
  for (const p of vocabulary.otherProducts) add(p, { otherProduct: true });
  for (const cls of WORD_CLASSES) for (const p of language.words[cls]) add(p, { wordClass: cls });
  for (const [format, phrases] of Object.entries(language.formats)) for (const p of phrases) add(p, { format: format as OutputFormat });
  return index;
}

/** "Dedupe Port", "IO Server Port": a service whose name is a component's name and a port word. */
function portRowsOf(matrix: Matrix, phrases: PhraseIndex): Map<string, { word: string; services: string[] }> {
  const rows = new Map<string, { word: string; services: string[] }>();
  for (const service of matrix.services) {
    const words = toWords(service.name);
    const word = words[words.length - 1];
    if (!phrases.lookup([word])?.classes.has('portWord')) continue;
    const owner = phrases.lookup(words.slice(0, -1))?.entity;
    if (owner?.kind !== 'component') continue;
    const row = rows.get(owner.id) ?? { word, services: [] };
    row.services.push(service.id);
    rows.set(owner.id, row);
  }
  return rows;
}

function uniqueRanges(ranges: Flow['ranges']): Flow['ranges'] {
  const seen = new Map(ranges.map((r) => [`${r.from}-${r.to}`, r]));
  return [...seen.values()];
}

/** The knowledge's indexes; `phrases` may come from a snapshot, already indexed. */
export function buildKnowledge(
  matrix: Matrix,
  vocabulary: Vocabulary,
  language: Language,
  diagram: DiagramPresentation,
  phrases: PhraseIndex = indexPhrases(matrix, vocabulary, language),
): Knowledge {
  const flows = expandFlows(matrix);
  const names = new Map<string, string>([
    ...matrix.components.map((c) => [c.id, c.name] as const),
    ...matrix.modes.map((m) => [m.id, m.name] as const),
  ]);
  return {
    matrix,
    vocabulary,
    language,
    diagram,
    flows,
    phrases,
    // Read on the first word no phrase holds: most questions never need the 100,000 words (20 ms to load).
    englishWords: { has: (word) => englishWords().has(word) },
    abbreviations: new Map(Object.entries({ ...language.abbreviations, ...vocabulary.abbreviations }).map(([short, long]) => [short, toWords(long)])),
    portsInMatrix: uniqueRanges(flows.flatMap((f) => f.ranges)),
    names,
    labels: Object.freeze(Object.fromEntries(names)),
    portRows: portRowsOf(matrix, phrases),
  };
}
