import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/**
 * `npm start` runs in a copy of the project, so that a developer's own .env cannot switch on
 * Slack or Teams here, and so that a test can break the copy's knowledge.
 */
function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dlo-start-'));
  for (const entry of ['adapters', 'src', 'knowledge', 'package.json', 'tsconfig.json']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Only what a person would set: no Slack or Teams variables from the machine running the tests. */
const cleanEnv = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  ...extra,
});

/** The server from its TypeScript (through tsx's loader), or (`viaNpm`) exactly as a person types it: `npm start`, from the bundle. */
function start(dir: string, env: NodeJS.ProcessEnv, viaNpm = false): ChildProcess & { out: () => string; err: () => string } {
  // Node itself with tsx's loader: tsx's own wrapper process would stand between the signal and the server.
  const [command, args] = viaNpm ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', 'adapters/main.ts']];
  // npm's processes in a group of their own: a failing test can end all of them (see killAll).
  const child = spawn(command, args, { cwd: dir, env: cleanEnv(env), detached: viaNpm });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return Object.assign(child, { out: () => out, err: () => err });
}

/** Ends a child started with `npm start` and every process under it, whatever the test saw. */
const killAll = (child: ChildProcess) => {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
};

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolveExit) => {
    if (child.exitCode !== null) resolveExit(child.exitCode);
    else child.once('exit', (code) => resolveExit(code));
  });

/** Resolves with the first match of `pattern` in the child's output, as soon as it is printed. */
function printed(child: ReturnType<typeof start>, pattern: RegExp, ms: number): Promise<RegExpExecArray> {
  return new Promise((resolveMatch, reject) => {
    const timer = setTimeout(() => reject(new Error(`${pattern} not printed within ${ms} ms; stderr: ${child.err()}`)), ms);
    const check = () => {
      const match = pattern.exec(child.out());
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolveMatch(match);
    };
    // Registered after start()'s own listener, so the output already holds this chunk.
    child.stdout?.on('data', check);
    check();
  });
}

describe('npm start', () => {
  let dir: string;
  beforeAll(() => {
    dir = projectCopy();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints where each surface is, serves, and exits 0 soon after %s',
    async (signal) => {
      const child = start(dir, { PORT: '0' });
      try {
        // The surface lines are printed together, once the server listens.
        const [, url] = await printed(child, /web page: (http:\/\/127\.0\.0\.1:\d+)\/\n.*\n.*\n/, 15_000);
        const lines = child.out().trim().split('\n');
        // One line per surface: Slack is off without tokens; Teams, unconfigured, runs in local mode.
        expect(lines).toEqual([
          `web page: ${url}/`,
          expect.stringMatching(/^Slack\b.*off.*SLACK_BOT_TOKEN/),
          expect.stringMatching(/^Teams\b.*\/api\/messages/),
        ]);
        const health = await fetch(`${url}/healthz`);
        expect(health.status).toBe(200);
        const stopped = Date.now();
        child.kill(signal);
        expect(await exited(child)).toBe(0);
        expect(Date.now() - stopped).toBeLessThan(5000);
      } finally {
        child.kill('SIGKILL');
      }
    },
    30_000,
  );

  it('limits each client address to API_QUESTIONS_PER_MINUTE questions', async () => {
    const child = start(dir, { PORT: '0', API_QUESTIONS_PER_MINUTE: '2' });
    try {
      const [, url] = await printed(child, /web page: (http:\/\/127\.0\.0\.1:\d+)\//, 15_000);
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${url}/api/ask?q=what%20uses%20port%20443%3F`)).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
  }, 30_000);

  it('reads PORT from .env, and refuses a bad one by name', async () => {
    writeFileSync(join(dir, '.env'), 'PORT=not-a-port\n');
    try {
      const child = start(dir, {});
      expect(await exited(child)).not.toBe(0);
      expect(child.err()).toMatch(/PORT/);
      expect(child.err()).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(join(dir, '.env'));
    }
  }, 30_000);

  it('names every half-configured surface at once, and does not start', async () => {
    const child = start(dir, { PORT: '0', SLACK_BOT_TOKEN: 'xoxb-1', MicrosoftAppPassword: 'secret' });
    expect(await exited(child)).not.toBe(0);
    expect(child.err()).toMatch(/^Slack: .*SLACK_SIGNING_SECRET/m);
    expect(child.err()).toMatch(/^Teams: .*MicrosoftAppId/m);
    expect(child.err()).not.toMatch(/xoxb-1|secret/);
    expect(child.out()).toBe('');
  }, 30_000);

  it('prints the loader message and exits non-zero on an invalid knowledge file', async () => {
    const broken = projectCopy();
    try {
      writeFileSync(join(broken, 'knowledge/matrix.json'), '{"product": "DLO"');
      const child = start(broken, { PORT: '0' });
      expect(await exited(child)).not.toBe(0);
      expect(child.err()).toMatch(/knowledge\/matrix\.json: is not valid JSON/);
      expect(child.err()).not.toMatch(/\n\s+at /);
      expect(child.out()).toBe('');
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 30_000);

  it('when the port is taken, says so in one line, naming the port and how to choose another', async () => {
    const taken = createServer();
    await new Promise<void>((resolveListen) => taken.listen(0, '127.0.0.1', resolveListen));
    const { port } = taken.address() as AddressInfo;
    try {
      const child = start(dir, { PORT: String(port) }, true);
      expect(await exited(child)).toBe(1);
      const ours = child.err().split('\n').filter((line) => line.includes(String(port)));
      expect(ours).toEqual([
        `Cannot listen: port ${port} on 127.0.0.1 is already in use (is the bot running already?). Stop what uses it, or choose another with PORT (for example PORT=${port + 1} npm start; PORT=0 picks a free one).`,
      ]);
      expect(child.err()).not.toMatch(/\n\s+at |EADDRINUSE/);
    } finally {
      taken.close();
    }
  }, 30_000);

  it('SIGTERM sent to the npm start process stops the server itself, not only npm', async () => {
    const child = start(dir, { PORT: '0' }, true);
    try {
      const [, url] = await printed(child, /web page: (http:\/\/127\.0\.0\.1:\d+)\//, 20_000);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited(child)).not.toBeNull();
      // The server, started under npm, stops too: soon nothing answers on its port.
      const deadline = Date.now() + 8000;
      let answering = true;
      while (answering && Date.now() < deadline) {
        answering = await fetch(`${url}/healthz`).then(() => true, () => false);
        if (answering) await new Promise((wait) => setTimeout(wait, 100));
      }
      expect(answering).toBe(false);
      const events = child.err().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { event?: string; signal?: string });
      expect(events).toContainEqual(expect.objectContaining({ event: 'shutting_down', signal: 'SIGTERM' }));
    } finally {
      killAll(child);
    }
  }, 40_000);
});
