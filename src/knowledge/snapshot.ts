import { buildKnowledge, type Knowledge } from './build';
import type { Language, Matrix, Vocabulary } from './schema';

/** The three files as the schemas returned them, validated and cross-checked: what a snapshot holds. */
interface ValidatedKnowledge {
  matrix: Matrix;
  vocabulary: Vocabulary;
  language: Language;
}

/**
 * A knowledge base once validated, as text to keep beside the CLI's bundle: the next start reads
 * it back without zod and without the checks (JSON.parse, then the indexes). Only ever written from
 * a Knowledge that loadKnowledge returned, so it holds nothing the checks would refuse.
 */
export function snapshotOf(knowledge: Knowledge): string {
  const validated: ValidatedKnowledge = { matrix: knowledge.matrix, vocabulary: knowledge.vocabulary, language: knowledge.language };
  return JSON.stringify(validated);
}

/** The knowledge of a snapshot written by snapshotOf. */
export function knowledgeFromSnapshot(text: string): Knowledge {
  const { matrix, vocabulary, language } = JSON.parse(text) as ValidatedKnowledge;
  return buildKnowledge(matrix, vocabulary, language);
}
