import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadEngineFromSnapshot, snapshotFileOf } from '../../../adapters/cli/knowledge-snapshot';
import { KnowledgeError } from '../../../src';

const root = resolve(__dirname, '../../..');
const QUESTION = 'what ports does the Edge Server need in occasional BOI?';

describe('The knowledge snapshot of the CLI', () => {
  let dir: string;
  let snapshot: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
    cpSync(join(root, 'knowledge'), dir, { recursive: true });
    snapshot = snapshotFileOf(dir);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(snapshot, { force: true });
  });

  it('is written on the first start and read, unchanged, on the next, with the same answers', () => {
    const first = loadEngineFromSnapshot({ KNOWLEDGE_DIR: dir }).ask(QUESTION);
    expect(existsSync(snapshot)).toBe(true);
    const written = statSync(snapshot).mtimeMs;
    const second = loadEngineFromSnapshot({ KNOWLEDGE_DIR: dir }).ask(QUESTION);
    expect(statSync(snapshot).mtimeMs).toBe(written);
    expect(second).toEqual(first);
    expect(first.rules).toHaveLength(12);
  });

  it('does not hide a knowledge file broken after it was made: the error names the file and path', () => {
    loadEngineFromSnapshot({ KNOWLEDGE_DIR: dir });
    const file = join(dir, 'matrix.json');
    const { mtime } = statSync(file);
    const matrix = JSON.parse(readFileSync(file, 'utf8'));
    matrix.services[4].ports[0] = '99999';
    writeFileSync(file, JSON.stringify(matrix));
    // Even with its old time back, the file's size tells the change.
    utimesSync(file, mtime, mtime);
    expect(() => loadEngineFromSnapshot({ KNOWLEDGE_DIR: dir })).toThrow(KnowledgeError);
    expect(() => loadEngineFromSnapshot({ KNOWLEDGE_DIR: dir })).toThrow(/matrix\.json: services\[4\]\.ports\[0\]: port 99999 is outside 1-65535/);
  });

  it('reads a changed, valid file again: the answer follows the new matrix', () => {
    loadEngineFromSnapshot({ KNOWLEDGE_DIR: dir });
    const file = join(dir, 'matrix.json');
    const matrix = JSON.parse(readFileSync(file, 'utf8'));
    matrix.components = matrix.components.map((c: { id: string; name: string }) => (c.id === 'edge-server' ? { ...c, name: 'DLO Edge Gateway' } : c));
    writeFileSync(file, JSON.stringify(matrix));
    expect(loadEngineFromSnapshot({ KNOWLEDGE_DIR: dir }).ask(QUESTION).labels['edge-server']).toBe('DLO Edge Gateway');
  });
});
