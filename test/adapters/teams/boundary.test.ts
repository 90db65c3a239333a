import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const TEAMS = join(ROOT, 'adapters/teams');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

describe('The botbuilder boundary', () => {
  // botbuilder is in maintenance: moving to @microsoft/agents-hosting must touch adapters/teams only.
  it('keeps every botbuilder and botframework import inside adapters/teams', () => {
    const outside = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'adapters'))]
      .filter((path) => !path.startsWith(TEAMS))
      .filter((path) => /from\s+['"](botbuilder|botframework)[^'"]*['"]|require\(\s*['"](botbuilder|botframework)/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(ROOT, path));
    expect(outside).toEqual([]);
  });
});
