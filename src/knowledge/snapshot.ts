import { buildKnowledge, type Knowledge } from './build';
import { PhraseIndex, type PhraseIndexSnapshot } from './phrase-index';
import type { DiagramPresentation } from './diagram-schema';
import type { Language, Matrix, Vocabulary } from './schema';

/** The files as the schemas returned them, validated and cross-checked, and the phrase index derived from them. */
interface ValidatedKnowledge {
  matrix: Matrix;
  vocabulary: Vocabulary;
  language: Language;
  diagram: DiagramPresentation;
  phrases: PhraseIndexSnapshot;
}

/**
 * A knowledge base once validated, as text to keep beside the CLI's bundle: the next start reads
 * it back without zod, the checks or reading every phrase again (JSON.parse, then the small indexes). Only ever written from
 * a Knowledge that loadKnowledge returned, so it holds nothing the checks would refuse.
 */
export function snapshotOf(knowledge: Knowledge): string {
  const validated: ValidatedKnowledge = {
    matrix: knowledge.matrix,
    vocabulary: knowledge.vocabulary,
    language: knowledge.language,
    diagram: knowledge.diagram,
    phrases: knowledge.phrases.toSnapshot(),
  };
  return JSON.stringify(validated);
}

/** The knowledge of a snapshot written by snapshotOf. */
export function knowledgeFromSnapshot(text: string): Knowledge {
  const { matrix, vocabulary, language, diagram, phrases } = JSON.parse(text) as ValidatedKnowledge;
  return buildKnowledge(matrix, vocabulary, language, diagram, PhraseIndex.fromSnapshot(phrases));
}
