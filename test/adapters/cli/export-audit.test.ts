import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const fixtures = join(root, 'test/fixtures/export');
const hosts = join(fixtures, 'hosts.json');

/** A command exactly as the README runs it: npm run --silent export|audit -- ARGS. */
function run(command: 'export' | 'audit', args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', command, '--', ...args], { cwd: root, encoding: 'utf8', timeout: 30000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('The export command', () => {
  it('writes the golden CSV of exclusive BOI with the inventory\'s addresses', () => {
    const result = run('export', ['--mode', 'exclusive-boi', '--hosts', hosts, '--format', 'csv']);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toBe(readFileSync(join(fixtures, 'exclusive-boi.hosts.csv'), 'utf8'));
  });

  it('writes the golden script for what the Edge Server accepts (--component, --direction in)', () => {
    const result = run('export', ['--mode', 'occasional-boi', '--component', 'edge-server', '--direction', 'in', '--hosts', hosts, '--format', 'powershell']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(fixtures, 'occasional-boi.edge-server-in.hosts.ps1'), 'utf8'));
  });

  it('warns on standard error when a BOI rule from the clients allows only private addresses; the example inventory does not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hosts-'));
    try {
      const privateHosts = join(dir, 'hosts.yaml');
      writeFileSync(privateHosts, 'edge-server: [192.0.2.20]\ndlo-clients: [10.20.0.0/16]\n');
      const args = ['--mode', 'exclusive-boi', '--component', 'edge-server', '--direction', 'in', '--format', 'powershell'];
      const warned = run('export', [...args, '--hosts', privateHosts]);
      expect(warned.status).toBe(0);
      expect(warned.stderr).toMatch(/^Warning: exclusive BOI: Edge Server Port 443 \(HTTPS\) from DLO Clients .*allows only private addresses \(10\.20\.0\.0\/16\)/);
      const example = run('export', [...args, '--hosts', join(root, 'examples/hosts.example.yaml')]);
      expect(example.stderr).toBe('');
      expect(example.stdout).toContain("RemoteAddress = @('Any')");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each<[string, string[], RegExp]>([
    ['no --mode', ['--format', 'csv'], /--mode is required: choose one of non-boi, exclusive-boi, occasional-boi/],
    ['an unknown format', ['--mode', 'non-boi', '--format', 'xlsx'], /unknown --format "xlsx": choose one of csv, markdown, json, powershell/],
    ['--direction without --component', ['--mode', 'non-boi', '--direction', 'in', '--format', 'csv'], /--direction needs --component/],
    ['an unknown component', ['--mode', 'non-boi', '--component', 'exchange', '--format', 'csv'], /unknown --component "exchange"/],
    ['an unknown flag', ['--mode', 'non-boi', '--format', 'csv', '--verbose'], /Unknown option '--verbose'/],
    ['an inventory that does not exist', ['--mode', 'non-boi', '--format', 'csv', '--hosts', 'no-such-hosts.yaml'], /no-such-hosts\.yaml: cannot be read \(ENOENT\)/],
  ])('exits 2 with a clear message for %s', (_, args, message) => {
    const result = run('export', args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('The audit command', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'audit-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('exits 0 on the rules export wrote, and 1 when one is removed, naming the missing flow', () => {
    const exported = readFileSync(join(fixtures, 'exclusive-boi.hosts.csv'), 'utf8');
    const clean = run('audit', ['--mode', 'exclusive-boi', '--hosts', hosts, write('clean.csv', exported)]);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/^Audit against exclusive BOI: 43 of 43 required flows covered, 0 partly, 0 missing; 0 rules allowing more than needed; 0 rows not read\./);

    const lines = exported.split('\r\n').filter((line) => !line.includes(',IO Server Port,7009,'));
    const missing = run('audit', ['--mode', 'exclusive-boi', '--hosts', hosts, '--format', 'json', write('missing.csv', lines.join('\r\n'))]);
    expect(missing.status).toBe(1);
    const report = JSON.parse(missing.stdout);
    expect(report.flows.filter((f: { status: string }) => f.status !== 'covered')).toEqual([
      expect.objectContaining({ service: 'IO Server Port', ports: '7009', source: 'edge-server', destination: 'io-server', status: 'missing' }),
    ]);
  });

  it('reports an over-broad rule and unreadable rows with their lines, in Markdown', () => {
    // In non-BOI the Administration Server accepts 3999 only (file sharing reaches it in the BOI modes).
    const file = write('broad.csv', 'source,destination,ports,protocol\nany,admin-server,1-65535,TCP\nadmin-console,admin-server,44x3,UDP\n');
    const result = run('audit', ['--mode', 'non-boi', '--format', 'markdown', file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/\| 2 \| any \| admin-server \| 1-65535 \| TCP \| allows TCP 1-3998,4000-65535 from any to admin-server, which no flow needs \|/);
    expect(result.stdout).toMatch(/\| 3 \| ports "44x3" is not a port or a range \|/);
  });

  it('audits only the flows of one component and direction when asked', () => {
    const file = write(
      'edge.csv',
      'source,destination,ports,protocol\n198.51.100.0/24 2001:db8:100::/56,192.0.2.20,443,TCP\n192.0.2.11 2001:db8::11,192.0.2.20,"90,443",TCP\n192.0.2.11,192.0.2.20,8080,TCP\n',
    );
    const result = run('audit', ['--mode', 'exclusive-boi', '--component', 'edge-server', '--direction', 'in', '--hosts', hosts, file]);
    expect(result.stdout).toMatch(/^Audit against DLO Edge Server, exclusive BOI, inbound: 4 of 4 required flows covered, 0 partly, 0 missing; 1 rule allowing more than needed; 0 rows not read\./);
    expect(result.stdout).toMatch(/ 4 +192\.0\.2\.11 +192\.0\.2\.20 +8080 +TCP +allows TCP 8080 from 192\.0\.2\.11 to 192\.0\.2\.20, which no flow needs/);
    expect(result.status).toBe(0);
  });

  it.each<[string, () => string[], RegExp]>([
    ['a rule set that does not exist', () => ['--mode', 'non-boi', join(dir, 'absent.csv')], /absent\.csv: cannot be read \(ENOENT\)/],
    ['a header without the needed columns', () => ['--mode', 'non-boi', write('header.csv', 'from,to,port\n')], /header\.csv: the header \(first line\) needs the columns source, destination, ports, protocol; it has no source, destination, protocol/],
    ['no rule set', () => ['--mode', 'non-boi'], /name the rule set \(a CSV file\) to audit/],
    ['an unknown mode', () => ['--mode', 'partial-boi', write('any.csv', 'source,destination,ports,protocol\n')], /unknown --mode "partial-boi": choose one of non-boi, exclusive-boi, occasional-boi/],
    ['an invalid inventory', () => ['--mode', 'non-boi', '--hosts', write('hosts.yaml', 'sql-server: ["db; rm -rf /"]\n'), write('rules.csv', 'source,destination,ports,protocol\n')], /hosts\.yaml: \["sql-server"\]\[0\]: .* holds ";"/],
  ])('exits 2 for %s', (_, args, message) => {
    const result = run('audit', args());
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
