import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { answerSchema } from '../../../src';
import { arrowsOf, expectedArrows, sorted } from '../../render/diagram/svg-arrows';

const root = resolve(__dirname, '../../..');
/** A command exactly as the README runs it: npm run --silent ask|export -- ARGS. */
function run(command: 'ask' | 'export', args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', command, '--', ...args], { cwd: root, encoding: 'utf8', timeout: 60000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dlo-diagram-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('When the CLI is asked for a diagram', () => {
  const question = 'what ports does the Edge Server need in occasional BOI?';

  it('--format svg writes the SVG of the same answer --json gives', () => {
    const svg = run('ask', ['--format', 'svg', question]);
    expect(svg).toMatchObject({ status: 0, stderr: '' });
    expect(svg.stdout).toMatch(/^<\?xml[\s\S]*<\/svg>\n$/);
    const answer = answerSchema.parse(JSON.parse(run('ask', ['--json', question]).stdout));
    expect(sorted(arrowsOf(svg.stdout))).toEqual(sorted(expectedArrows(answer)));
  });

  it('--format png --output FILE writes a PNG there and nothing on standard output', () => {
    const file = join(dir, 'edge.png');
    const result = run('ask', ['--format', 'png', '--output', file, question]);
    expect(result).toMatchObject({ status: 0, stdout: '', stderr: '' });
    const image = PNG.sync.read(readFileSync(file));
    expect(image.width).toBeGreaterThan(600);
  });

  it('an answer without rules writes no diagram and says why', () => {
    const result = run('ask', ['--format', 'svg', 'what port does Exchange use?']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^No diagram: the answer has no rules\.\nI don't know that/);
  });

  it.each([
    ['--batch', ['--format', 'svg', '--batch']],
    ['no question', ['--format', 'png', '--output', 'x.png']],
    ['--output with a text format', ['--format', 'csv', '--output', 'x.csv', 'port 443']],
  ])('refuses %s with exit status 2', (_, args) => {
    const result = run('ask', args);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/--format (svg|png) draws the answer to one question|--output is for --format svg or png/);
  });
});

describe('When the export command draws its selection', () => {
  it('--format svg draws exactly the rules --format json exports', () => {
    const selection = ['--mode', 'exclusive-boi', '--component', 'edge-server', '--direction', 'out'];
    const svg = run('export', [...selection, '--format', 'svg']);
    expect(svg).toMatchObject({ status: 0, stderr: '' });
    const rules = JSON.parse(run('export', [...selection, '--format', 'json']).stdout);
    const drawn = arrowsOf(svg.stdout);
    expect(sorted(drawn)).toEqual(sorted(expectedArrows({ rules })));
    expect([...drawn.keys()].every((id) => id.startsWith('flow--exclusive-boi--edge-server--'))).toBe(true);
  });

  it('--format png --output FILE writes the PNG', () => {
    const file = join(dir, 'mode.png');
    expect(run('export', ['--mode', 'non-boi', '--format', 'png', '--output', file])).toMatchObject({ status: 0, stdout: '' });
    expect(PNG.sync.read(readFileSync(file)).height).toBeGreaterThan(300);
  });

  it('--output with a firewall format is a usage error', () => {
    const result = run('export', ['--mode', 'non-boi', '--format', 'csv', '--output', join(dir, 'x.csv')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--output is for --format svg or png/);
  });
});
