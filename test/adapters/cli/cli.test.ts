import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { answerSchema } from '../../../src';

const root = resolve(__dirname, '../../..');
/** The CLI exactly as the contract runs it: npm run --silent ask -- ARGS. */
function ask(args: string[], input = '', env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync('npm', ['run', '--silent', 'ask', '--', ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30000, maxBuffer: 64 << 20 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('The ask command', () => {
  it('prints the text answer with its rule table', () => {
    const run = ask(['what uses port 8009?']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Dedupe Port\s+8009\s+AJP\s+DLO Edge Server\s+DLO Dedupe Server/);
    expect(run.stdout).toMatch(/Understood as: port 8009, all modes\./);
  });

  it('--json prints one contract answer on one line', () => {
    const run = ask(['--json', 'is 8009 needed in non-BOI?']);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = answerSchema.parse(JSON.parse(lines[0]));
    expect(answer).toMatchObject({ question: 'is 8009 needed in non-BOI?', intent: 'check', verdict: 'no', modes: ['non-boi'] });
  });

  it('--json --batch answers each line on its own, skipping blank lines, in order', () => {
    const run = ask(['--json', '--batch'], 'what is occasional BOI?\n\nand in exclusive?\nport 22\n');
    const answers = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(answers.map((a) => a.question)).toEqual(['what is occasional BOI?', 'and in exclusive?', 'port 22']);
    expect(answers[1].rules.length).toBe(43); // no context carried from the line before
    expect(answers[2].status).toBe('unknown');
    expect(run.status).toBe(0);
  });

  it('--batch answers a line asked again as it did the first time, before and after thousands of others', () => {
    const repeated = 'what ports does the edge server need in occasional BOI?';
    const others = Array.from({ length: 5000 }, (_, i) => `is port ${1000 + i} needed in non-BOI?`);
    const run = ask(['--json', '--batch'], [repeated, ...others.slice(0, 10), repeated, ...others, repeated].join('\n') + '\n');
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(5013);
    const single = ask(['--json', repeated]).stdout.trim();
    expect([lines[0], lines[11], lines[5012]]).toEqual([single, single, single]);
    expect(JSON.parse(lines[5011])).toMatchObject({ question: others[4999], status: 'unknown' });
  });

  it('--format csv writes one line per rule', () => {
    const run = ask(['--format', 'csv', 'between the edge server and the IO server']);
    expect(run.stdout.trim().split(/\r?\n/)).toEqual([
      'mode,service,ports,protocol,source,destination,note,change,source_name,destination_name',
      'exclusive-boi,IO Server Port,7009,AJP,edge-server,io-server,,,DLO Edge Server,DLO IO Server',
      'occasional-boi,IO Server Port,7009,AJP,edge-server,io-server,,,DLO Edge Server,DLO IO Server',
    ]);
  });

  it('a question that asks for a format prints that format: the same output as npm run export for those rules', () => {
    const run = ask(['export the exclusive BOI rules as CSV']);
    const exported = spawnSync('npm', ['run', '--silent', 'export', '--', '--mode', 'exclusive-boi', '--format', 'csv'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(exported.stdout);
    expect(run.stdout.split('\r\n')[0]).toBe('mode,service,ports,protocol,source,source_addresses,destination,destination_addresses,note');
    // --json and --format still choose the output.
    expect(JSON.parse(ask(['--json', 'export the exclusive BOI rules as CSV']).stdout)).toMatchObject({ format: 'csv', status: 'answered' });
  });

  it('--format markdown writes a table', () => {
    expect(ask(['--format', 'markdown', 'edge server 90 in exclusive BOI']).stdout).toMatch(/\| Edge Server Port \| 90 \| HTTP \| DLO Administration Console \| DLO Edge Server \|/);
  });

  it('with no question, prompts and keeps the conversation: a follow-up keeps the component', () => {
    const run = ask([], 'what ports does the edge server need in exclusive BOI?\nand in occasional?\nquit\n');
    expect(run.status).toBe(0);
    expect(run.stdout.match(/Understood as: .*/g)).toEqual([
      'Understood as: DLO Edge Server, exclusive BOI, both directions.',
      'Understood as: DLO Edge Server (from your previous question), occasional BOI, both directions.',
    ]);
  });

  it('answers an empty question as a question (clarify), not with the prompt', () => {
    const answer = JSON.parse(ask(['--json', '']).stdout);
    expect(answer).toMatchObject({ question: '', status: 'clarify', refused: 'empty' });
  });

  it('exits 0 for clarify and unknown answers', () => {
    expect(ask(['ports?']).status).toBe(0);
    expect(ask(['tell me a joke']).status).toBe(0);
  });

  it('stops with the file and path when a knowledge file is invalid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
    try {
      cpSync(join(root, 'knowledge'), dir, { recursive: true });
      const matrix = JSON.parse(readFileSync(join(dir, 'matrix.json'), 'utf8'));
      matrix.services[4].ports[0] = '99999';
      writeFileSync(join(dir, 'matrix.json'), JSON.stringify(matrix));
      const run = ask(['port 137'], '', { KNOWLEDGE_DIR: dir });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/matrix\.json: services\[4\]\.ports\[0\]: port 99999 is outside 1-65535/);
      expect(run.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
