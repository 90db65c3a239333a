import { spawn } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';

export interface ServerBenchResult {
  target: string;
  requestsPerSecond: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx answers: a fast server that fails is not fast. */
  failures: number;
}

const TSX = join(__dirname, '../node_modules/.bin/tsx');
const QUESTION = 'what uses port 443?';

/** Starts bench/server-target.ts in a child process and resolves with its URL and a stop function. */
function startTarget(target: 'bare' | 'app'): Promise<{ url: string; stop: () => void }> {
  const child = spawn(TSX, [join(__dirname, 'server-target.ts'), target], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${target} server exited with ${code}`)));
    child.stdout.once('data', (chunk: Buffer) => resolve({ url: chunk.toString().trim(), stop: () => child.kill('SIGTERM') }));
  });
}

/**
 * Requests per second and p99 latency of GET /api/ask at a concurrency of 32 on loopback, beside a
 * bare node:http server answering a constant and our own /healthz, measured in the same run: the
 * ratios show what Express costs and what the engine costs.
 */
export async function benchServer(options: { connections?: number; durationSeconds?: number } = {}): Promise<ServerBenchResult[]> {
  const connections = options.connections ?? 32;
  const duration = options.durationSeconds ?? 5;
  const targets = [
    { target: 'bare' as const, label: 'bare node:http, constant', path: '/' },
    // Our stack without the engine: what Express and the routing cost on their own.
    { target: 'app' as const, label: 'GET /healthz', path: '/healthz' },
    { target: 'app' as const, label: `GET /api/ask?q=${QUESTION}`, path: `/api/ask?q=${encodeURIComponent(QUESTION)}` },
  ];
  const results: ServerBenchResult[] = [];
  for (const { target, label, path } of targets) {
    const server = await startTarget(target);
    try {
      // A short warm-up so the JIT has compiled the hot path before it is measured.
      await autocannon({ url: server.url + path, connections, duration: 1 });
      const result = await autocannon({ url: server.url + path, connections, duration });
      results.push({
        target: label,
        requestsPerSecond: Math.round(result.requests.average),
        p99Ms: result.latency.p99,
        failures: result.errors + result.timeouts + result.non2xx,
      });
    } finally {
      server.stop();
    }
  }
  return results;
}

/** The results as lines for the bench report, with the ratio to the bare server. */
export function formatServerBench(results: ServerBenchResult[]): string[] {
  const bare = results[0]?.requestsPerSecond ?? 0;
  return results.map((result) => {
    const ratio = bare ? ` (${((100 * result.requestsPerSecond) / bare).toFixed(0)}% of bare)` : '';
    return `${result.target}: ${result.requestsPerSecond} req/s${ratio}, p99 ${result.p99Ms} ms, ${result.failures} failures`;
  });
}

if (require.main === module) {
  benchServer().then(
    (results) => console.log(formatServerBench(results).join('\n')),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
