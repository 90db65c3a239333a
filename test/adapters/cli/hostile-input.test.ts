import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

/** A command as the README runs it: npm run --silent export|audit -- ARGS. */
function run(command: 'export' | 'audit', args: string[], timeout = 30_000) {
  const result = spawnSync('npm', ['run', '--silent', command, '--', ...args], { cwd: root, encoding: 'utf8', timeout, maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, error: result.error };
}

const ipv4 = (i: number) => `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`;

describe('The audit command, given a rule set built to blow up its report', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'audit-hostile-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rules = (name: string, rows: string[]) => {
    writeFileSync(join(dir, name), ['source,destination,ports,protocol', ...rows].join('\n') + '\n');
    return join(dir, name);
  };
  const audit = (file: string, format = 'text') => run('audit', ['--mode', 'exclusive-boi', '--format', format, file]);

  it.each(['text', 'json', 'markdown'])('counts an endpoint named 20,000 times in one cell once (%s): the report stays the size of one name', (format) => {
    const once = audit(rules(`once-${format}.csv`, ['edge-server,dlo-clients,443;8000-9000,tcp']), format);
    const repeated = audit(rules(`repeated-${format}.csv`, [`"${Array(20_000).fill('edge-server').join(';')}",dlo-clients,443;8000-9000,tcp`]), format);
    expect(once.status).toBe(1);
    expect(repeated.status).toBe(1);
    expect(repeated.stderr).toBe('');
    // The same findings; only the shown cell is longer, and it is cut at 200 characters.
    expect(repeated.stdout.length).toBeLessThan(once.stdout.length + 2_000);
  });

  it('lists 20,000 distinct addresses of one cell in one finding per kind, not one per address pair', () => {
    const cell = Array.from({ length: 20_000 }, (_, i) => ipv4(i)).join(';');
    const result = audit(rules('distinct.csv', [`"${cell}","${cell}",443,tcp`]));
    expect(result.status).toBe(1);
    expect(result.stdout.length).toBeLessThan(64 * 1024);
    expect(result.stdout).toMatch(/source 10\.0\.0\.0, 10\.0\.0\.1, 10\.0\.0\.2, 10\.0\.0\.3, 10\.0\.0\.4 and 19,995 more is no component's address/);
  });

  it.each(['text', 'markdown'])('prints a line break inside a cell as \\n, so that no row prints a line of the report (%s)', (format) => {
    const result = audit(rules(`injected-${format}.csv`, ['"dlo-clients\nALL-FLOWS-COVERED",edge-server,443,tcp', 'any,"edge-server\r\nALL-FLOWS-COVERED",1-65535,tcp']), format);
    expect(result.status).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines.filter((line) => /^\W*ALL-FLOWS-COVERED/.test(line))).toEqual([]);
    expect(result.stdout).toContain(format === 'text' ? 'dlo-clients\\nALL-FLOWS-COVERED' : 'dlo-clients\\\\nALL-FLOWS-COVERED');
  });
});

describe('The inventory check, with tens of thousands of addresses', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'hosts-large-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const inventory = (name: string, addresses: string[]) => {
    writeFileSync(join(dir, name), JSON.stringify({ 'dlo-clients': addresses }));
    return join(dir, name);
  };

  it('takes 40,000 addresses and exports every one', () => {
    const addresses = Array.from({ length: 40_000 }, (_, i) => ipv4(i));
    const result = run('export', ['--mode', 'exclusive-boi', '--component', 'edge-server', '--direction', 'in', '--format', 'csv', '--hosts', inventory('40k.json', addresses)]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(ipv4(0));
    expect(result.stdout).toContain(ipv4(39_999));
  });

  it('names the one address listed twice among 40,000', () => {
    const addresses = Array.from({ length: 40_000 }, (_, i) => ipv4(i));
    const result = run('export', ['--mode', 'exclusive-boi', '--format', 'csv', '--hosts', inventory('40k-twice.json', [...addresses, ipv4(123)])]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`["dlo-clients"][40000]: "${ipv4(123)}" is listed twice`);
  });

  it(
    'checks 400,000 addresses in one pass: a check from every address against the rest would take an hour',
    () => {
      const addresses = Array.from({ length: 400_000 }, (_, i) => ipv4(i));
      const result = run('export', ['--mode', 'exclusive-boi', '--format', 'csv', '--hosts', inventory('400k.json', [...addresses, ipv4(7)])], 60_000);
      expect(result.error).toBeUndefined();
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`["dlo-clients"][400000]: "${ipv4(7)}" is listed twice`);
    },
    90_000,
  );
});
