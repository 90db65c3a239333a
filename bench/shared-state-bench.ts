import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { serverBundle } from '../adapters/bundle';
import type { Engine } from '../src';
import { startInstance } from '../test/adapters/state/instances';
import { startRedisServer } from '../test/helpers/redis-server';
import { benchQuestions } from './questions';

const CONNECTIONS = 64;

/** Commands the Redis server has processed so far (this probe's INFO counted once it has run). */
async function commandsProcessed(url: string): Promise<number> {
  // No ready check: the probe's only command is its INFO.
  const probe = new Redis(url, { lazyConnect: true, enableReadyCheck: false });
  await probe.connect();
  const info = await probe.info('stats');
  probe.disconnect();
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1]);
}

/**
 * GET /api/ask over the question mix at concurrency 64, against the server as npm start runs it (its bundle) without REDIS_URL and
 * with it (a real redis-server on loopback), with the Redis commands counted during the run: a
 * stateless API question must not touch Redis, so both figures should match and the count stay 0.
 */
export async function benchSharedState(engine: Engine, durationSeconds = 5): Promise<string[]> {
  const questions = benchQuestions(engine, 1000);
  // dist/server.js as npm start would leave it: rebuilt if a source changed.
  serverBundle();
  const redis = await startRedisServer();
  const lines: string[] = [];
  try {
    // What one probe itself adds to the count (its INFO, and whatever the client sends on connecting).
    const probeCost = -(await commandsProcessed(redis.url)) + (await commandsProcessed(redis.url));
    // One client asking as fast as it can: the per-client limit is raised, or the bench would measure 429s.
    const unlimited = { API_QUESTIONS_PER_MINUTE: String(1e9) };
    for (const [label, env] of [['without REDIS_URL', unlimited], ['with REDIS_URL', { ...unlimited, REDIS_URL: redis.url }]] as const) {
      const instance = await startInstance(env, 'dist', { keepLogs: false });
      try {
        let sent = 0;
        const run = (duration: number) =>
          autocannon({
            url: instance.url,
            connections: CONNECTIONS,
            duration,
            requests: [{ setupRequest: (request) => ({ ...request, method: 'GET', path: `/api/ask?q=${encodeURIComponent(questions[sent++ % questions.length])}` }) }],
          });
        await run(1);
        const before = await commandsProcessed(redis.url);
        const result = await run(durationSeconds);
        const commands = (await commandsProcessed(redis.url)) - before - probeCost;
        const failures = result.errors + result.timeouts + result.non2xx;
        lines.push(
          `GET /api/ask (question mix), concurrency ${CONNECTIONS}, ${label}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${failures} failures, ${commands} Redis commands during the run`,
        );
      } finally {
        await instance.stop();
      }
    }
  } finally {
    await redis.stop();
  }
  return lines;
}
