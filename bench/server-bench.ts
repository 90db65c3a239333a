import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freshBundle } from '../adapters/bundle';
import { startFlags } from '../test/adapters/state/instances';
import autocannon from 'autocannon';
import type { Engine } from '../src';
import { endpoints, type BenchRequest, type Endpoint } from './endpoints';
import type { FloorStack } from './floor-servers';
import { benchQuestions } from './questions';

export interface ServerBenchResult {
  target: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx answers: a fast server that fails is not fast. */
  failures: number;
}

export interface Target {
  url: string;
  /** The server's process id, to read its memory. */
  pid: number;
  stop: () => void;
}

const BENCH_CONCURRENCY = 64;

/** What bench/server-target.ts serves: bare node:http, our server, or a stack's floor. */
export type TargetKind = Endpoint['target'] | `floor-${FloorStack}`;

/**
 * Starts bench/server-target.ts in a child process, as npm start runs the server (from an esbuild
 * bundle, with the start script's node flags), and resolves with its URL and a stop function.
 * `burnMs` makes the bare server spend that much CPU on each request.
 */
export function startTarget(target: TargetKind, burnMs?: number): Promise<Target> {
  const bundle = freshBundle({ 'server-target': join(__dirname, 'server-target.ts'), 'read-aside-worker': join(__dirname, '../adapters/read-aside-worker.ts') }, join(__dirname, '../dist/bench'), { sourcemap: true, sources: ['src', 'adapters', 'bench', 'test'] })['server-target'];
  const flags = target === 'bare' ? [] : startFlags();
  const child = spawn(process.execPath, [...flags, bundle, target, ...(burnMs ? [String(burnMs)] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${target} server exited with ${code}`)));
    child.stdout.once('data', (chunk: Buffer) => resolve({ url: chunk.toString().trim(), pid: child.pid ?? 0, stop: () => child.kill('SIGTERM') }));
  });
}

/** Sends one request before measuring: a target that refuses it would be measured failing fast. */
export async function probe(url: string, request: BenchRequest): Promise<void> {
  const response = await fetch(url + request.path, { method: request.method, headers: request.headers, body: request.body });
  if (!response.ok) throw new Error(`${request.method} ${request.path} answered ${response.status}: ${await response.text()}`);
}

/** Autocannon over one endpoint, each request built afresh (its own question, user, conversation, signature). */
export function load(url: string, endpoint: Pick<Endpoint, 'request'>, connections: number, duration: number) {
  let sent = 0;
  return autocannon({
    url,
    connections,
    duration,
    requests: [{ setupRequest: (request) => ({ ...request, headers: {}, ...endpoint.request(sent++) }) }],
  });
}

/**
 * Requests per second and p50/p99 latency at a concurrency of 64 on loopback, for a bare node:http
 * server, our /healthz, GET /api/ask, a signed Slack command and a Teams activity, measured in the
 * same run: the ratios to the bare server show what Express, each surface and the engine cost.
 * Each endpoint gets a fresh server process; the Teams connector is a bare server of its own.
 */
export async function benchServer(engine: Engine, options: { connections?: number; durationSeconds?: number } = {}): Promise<ServerBenchResult[]> {
  const connections = options.connections ?? BENCH_CONCURRENCY;
  const duration = options.durationSeconds ?? 5;
  const connector = await startTarget('bare');
  const results: ServerBenchResult[] = [];
  try {
    for (const endpoint of endpoints(benchQuestions(engine, 1000), connector.url)) {
      const server = await startTarget(endpoint.target);
      try {
        await probe(server.url, endpoint.request(0));
        // A short warm-up so the JIT has compiled the hot path before it is measured.
        await load(server.url, endpoint, connections, 1);
        const result = await load(server.url, endpoint, connections, duration);
        results.push({
          target: `${endpoint.label}, concurrency ${connections}`,
          requestsPerSecond: Math.round(result.requests.average),
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          failures: result.errors + result.timeouts + result.non2xx,
        });
      } finally {
        server.stop();
      }
    }
  } finally {
    connector.stop();
  }
  return results;
}

/** The results as lines for the bench report, with the ratio to the bare server (the first). */
export function formatServerBench(results: ServerBenchResult[]): string[] {
  const bare = results[0]?.requestsPerSecond ?? 0;
  return results.map((result, i) => {
    const ratio = bare && i > 0 ? ` (${((100 * result.requestsPerSecond) / bare).toFixed(0)}% of bare)` : '';
    return `${result.target}: ${result.requestsPerSecond} req/s${ratio}, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.failures} failures`;
  });
}
