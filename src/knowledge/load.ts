import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { z } from 'zod';
import { buildKnowledge, type Knowledge } from './build';
import { checkDiagram, checkLanguage, checkMatrix, checkVocabulary, type ReferenceProblem } from './check-references';
import { diagramPresentationSchema, NO_DIAGRAM_PRESENTATION } from './diagram-schema';
import { DEFAULT_KNOWLEDGE_DIR, knowledgeFilesIn, type KnowledgeFiles } from './files';
import { formatPath, KnowledgeError } from './knowledge-error';
import { languageSchema, matrixSchema, vocabularySchema } from './schema';

export { KnowledgeError };

export { DEFAULT_KNOWLEDGE_DIR, knowledgeFilesIn, type KnowledgeFiles } from './files';

const shown = (file: string) => relative(process.cwd(), file) || file;

function readJson(file: string): unknown {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new KnowledgeError(shown(file), '', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new KnowledgeError(shown(file), '', `is not valid JSON: ${(error as Error).message}`);
  }
}

function parse<T>(file: string, schema: z.ZodType<T>): T {
  const result = schema.safeParse(readJson(file));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new KnowledgeError(shown(file), formatPath(issue.path), issue.message);
}

/**
 * Reads, validates and indexes a knowledge base. Throws KnowledgeError naming the file and the
 * path inside it for the first problem found: a broken file must stop the program, not mislead it.
 */
export function loadKnowledge(files: KnowledgeFiles): Knowledge {
  const matrix = parse(files.matrix, matrixSchema);
  const vocabulary = parse(files.vocabulary, vocabularySchema);
  const language = parse(files.language, languageSchema);
  const diagram = files.diagram && existsSync(files.diagram) ? parse(files.diagram, diagramPresentationSchema) : NO_DIAGRAM_PRESENTATION;
  const problems: ReferenceProblem[] = [...checkMatrix(matrix), ...checkVocabulary(vocabulary, matrix), ...checkLanguage(language), ...checkDiagram(diagram, matrix)];
  if (problems.length) {
    const [first] = problems;
    throw new KnowledgeError(shown(files[first.file] ?? ''), formatPath(first.path), first.reason);
  }
  return buildKnowledge(matrix, vocabulary, language, diagram);
}

export function loadDefaultKnowledge(): Knowledge {
  return loadKnowledge(knowledgeFilesIn(DEFAULT_KNOWLEDGE_DIR));
}
