import { resolve } from 'node:path';
import { createEngine, knowledgeFilesIn, loadDefaultKnowledge, loadKnowledge, type Engine, type Knowledge } from '../src';

/**
 * The knowledge every entry point starts with: the bundled one, or the folder named by
 * KNOWLEDGE_DIR (to try an edited matrix before committing it). Throws KnowledgeError.
 */
export function loadKnowledgeOf(env: NodeJS.ProcessEnv = process.env): Knowledge {
  const dir = env.KNOWLEDGE_DIR?.trim();
  return dir ? loadKnowledge(knowledgeFilesIn(resolve(dir))) : loadDefaultKnowledge();
}

/** The engine of that knowledge. */
export function loadEngine(env: NodeJS.ProcessEnv = process.env): Engine {
  return createEngine(loadKnowledgeOf(env));
}
