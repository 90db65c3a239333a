import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createEngine } from '../../src/create-engine';
import { DEFAULT_KNOWLEDGE_DIR, knowledgeFilesIn, type KnowledgeFiles } from '../../src/knowledge/files';
import { knowledgeFromSnapshot, snapshotOf } from '../../src/knowledge/snapshot';
import type { Engine } from '../../src/engine';
import type { Knowledge } from '../../src/knowledge/build';

// dist/cli, whether this runs from the bundle (dist/cli/ask.js) or from adapters/cli under tsx.
const SNAPSHOT_DIR = resolve(__dirname, '../../dist/cli');

/** A short name for a folder (FNV-1a): node:crypto would cost a start-up more than the whole snapshot saves of it. */
function nameOf(dir: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < dir.length; i++) hash = Math.imul(hash ^ dir.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** Where the snapshot of a knowledge folder is kept. */
export const snapshotFileOf = (dir: string) => join(SNAPSHOT_DIR, `knowledge-${nameOf(dir)}.json`);

/** What a snapshot was made from: each source's size and time (the optional diagram file's absence too), and the code that read it. */
function stampOf(files: KnowledgeFiles): string {
  const required = [files.matrix, files.vocabulary, files.language, __filename].map((file) => {
    const { size, mtimeMs } = statSync(file);
    return `${file}:${size}:${mtimeMs}`;
  });
  const diagram = files.diagram && statSync(files.diagram, { throwIfNoEntry: false });
  return [...required, `${files.diagram ?? ''}:${diagram ? `${diagram.size}:${diagram.mtimeMs}` : 'absent'}`].join('\n');
}

/** Validates the files (loading zod and every check) and writes the snapshot beside the bundle. */
function validateAndKeep(files: KnowledgeFiles, snapshot: string, stamp: string): Knowledge {
  // Required only here: validation loads zod (some 40 ms of start-up), which a fresh snapshot spares.
  const { loadKnowledge } = require('../../src/knowledge/load') as typeof import('../../src/knowledge/load');
  const knowledge = loadKnowledge(files);
  try {
    mkdirSync(SNAPSHOT_DIR, { recursive: true });
    // Written aside, then renamed: two runs starting at once never read half a snapshot.
    const partial = `${snapshot}.${process.pid}.tmp`;
    writeFileSync(partial, `${stamp}\n\n${snapshotOf(knowledge)}`);
    renameSync(partial, snapshot);
  } catch {
    // A read-only install still answers: it validates on every start instead.
  }
  return knowledge;
}

/**
 * The CLI's engine: the knowledge validated and indexed once when a file changes, not at every
 * start. The snapshot (dist/cli/knowledge-HASH.json, one per knowledge folder; two folders whose names
 * collide only take turns) is used only while
 * every source has the size and time it was made from, so a changed file, broken or not, is
 * validated again and a broken one still stops with its file and path. KNOWLEDGE_DIR as loadEngine reads it.
 */
export function loadEngineFromSnapshot(env: NodeJS.ProcessEnv = process.env): Engine {
  const dir = env.KNOWLEDGE_DIR?.trim() ? resolve(env.KNOWLEDGE_DIR.trim()) : DEFAULT_KNOWLEDGE_DIR;
  const files = knowledgeFilesIn(dir);
  const snapshot = snapshotFileOf(dir);
  let stamp: string;
  try {
    stamp = stampOf(files);
  } catch {
    // A missing file: loadKnowledge says which, with its path.
    return createEngine(validateAndKeep(files, snapshot, ''));
  }
  let kept: string | undefined;
  try {
    kept = readFileSync(snapshot, 'utf8');
  } catch {
    kept = undefined;
  }
  const split = kept?.indexOf('\n\n') ?? -1;
  const fresh = kept !== undefined && split > 0 && kept.slice(0, split) === stamp;
  return createEngine(fresh ? knowledgeFromSnapshot(kept!.slice(split + 2)) : validateAndKeep(files, snapshot, stamp));
}
