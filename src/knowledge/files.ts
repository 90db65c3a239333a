import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Where the files are, apart from load.ts: the CLI finds them without loading the schemas.

/** The files of a knowledge base. */
export interface KnowledgeFiles {
  matrix: string;
  vocabulary: string;
  language: string;
  /** Optional presentation of the flow diagram (groups of components); absent: none. */
  diagram?: string;
}

/** The project's knowledge/ folder, found upwards from this file (it may run from src/ or a bundle in dist/). */
function findKnowledgeDir(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'knowledge', 'matrix.json'))) return join(dir, 'knowledge');
    if (dirname(dir) === dir) return join(from, 'knowledge');
  }
}

export const DEFAULT_KNOWLEDGE_DIR = findKnowledgeDir(__dirname);

export function knowledgeFilesIn(dir: string): KnowledgeFiles {
  return { matrix: join(dir, 'matrix.json'), vocabulary: join(dir, 'vocabulary.json'), language: join(dir, 'language.json'), diagram: join(dir, 'diagram.json') };
}

