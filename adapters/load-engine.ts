import { resolve } from 'node:path';
import { createEngine, knowledgeFilesIn, loadDefaultKnowledge, loadKnowledge, type Engine } from '../src';

/**
 * The engine every entry point starts with: the bundled knowledge, or the folder named by
 * KNOWLEDGE_DIR (to try an edited matrix before committing it). Throws KnowledgeError.
 */
export function loadEngine(env: NodeJS.ProcessEnv = process.env): Engine {
  const dir = env.KNOWLEDGE_DIR?.trim();
  return createEngine(dir ? loadKnowledge(knowledgeFilesIn(resolve(dir))) : loadDefaultKnowledge());
}
