import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** One server process of the bot, with what it printed and logged. */
export interface Instance {
  url: string;
  child: ChildProcess;
  /** The JSON log lines (stderr) so far. */
  logs(): Record<string, unknown>[];
  /** Sends SIGTERM and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The node flags of package.json's start script (a small heap under load): the bundle is run with them, as npm start runs it. */
export function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/**
 * Starts the server (`entry`: adapters/main.ts through tsx, or the built dist/server.js with the
 * start script's flags, as npm start and the systemd unit run it), in an empty working directory
 * so that no developer's .env applies, on a free port; resolves once it prints where it listens.
 */
export function startInstance(env: NodeJS.ProcessEnv, entry: 'tsx' | 'dist' = 'tsx', options: { keepLogs?: boolean } = {}): Promise<Instance> {
  const cwd = mkdtempSync(join(tmpdir(), 'dlo-instance-'));
  const [command, args] =
    entry === 'tsx' ? [join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'adapters/main.ts')]] : [process.execPath, [...startFlags(), join(ROOT, 'dist/server.js')]];
  // Without keepLogs (the bench), the lines go to /dev/null: still written, but not held here.
  const stdio = ['ignore', 'pipe', options.keepLogs === false ? 'ignore' : 'pipe'] as const;
  const child = spawn(command, args, { cwd, stdio: [...stdio], env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', ...env } });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const logs = () =>
    err
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start; stderr: ${err}`)), 30_000);
    const check = () => {
      const match = /web page: (http:\/\/[^\s/]+)\//.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolveStart({
        url: match[1],
        child,
        logs,
        stop: (signal = 'SIGTERM') => {
          if (child.exitCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout?.on('data', check);
    void exited.then((code) => reject(new Error(`the server exited (${code}); stderr: ${err}`)));
  });
}

/** The log lines of one event. */
export const linesOf = (instance: Instance, event: string) => instance.logs().filter((line) => line.event === event);
