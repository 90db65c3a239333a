import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/** Where the shared state lives now: this process only (no REDIS_URL), Redis, or this process during an outage. */
export type StateHealth = { status: 'memory' } | { status: 'shared' } | { status: 'degraded'; reason: string };

/** The connection every Redis store shares, and whether it can be used right now. */
export interface RedisLink {
  readonly client: Redis;
  readonly prefix: string;
  /**
   * Runs a command on Redis while it is up, else (or when it fails) the process-local fallback.
   * Never throws for Redis: an outage costs sharing, not answers.
   */
  run<T>(shared: (client: Redis) => Promise<T>, local: () => T | Promise<T>): Promise<T>;
  health(): StateHealth;
  close(): Promise<void>;
}

/**
 * How long the bot waits for Redis: a chat answer must not hang on it (a slash command makes two
 * round trips before its acknowledgement, which Slack wants within 3 s). Commands fail at once while
 * the connection is down (no offline queue) and the fallback answers; reconnects go on with a
 * backoff bounded at 5 s, so that the shared state is used again as soon as Redis is back.
 */
export const REDIS_TIMEOUTS = Object.freeze({ connectTimeoutMs: 2_000, commandTimeoutMs: 500, maxReconnectDelayMs: 5_000 });

export function connectRedis(url: string, prefix: string, log: Logger, onHealth: (health: StateHealth) => void = () => undefined): RedisLink {
  const client = new Redis(url, {
    connectTimeout: REDIS_TIMEOUTS.connectTimeoutMs,
    commandTimeout: REDIS_TIMEOUTS.commandTimeoutMs,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 6), REDIS_TIMEOUTS.maxReconnectDelayMs),
  });
  // Until the first `ready`, the state is per-process; the warning waits for a real failure.
  let outage: string | undefined = 'connecting to Redis';
  let warned = false;
  let closing = false;
  const down = (reason: string) => {
    if (closing) return;
    outage = reason;
    onHealth({ status: 'degraded', reason });
    if (warned) return;
    // One line per outage, not one per request or reconnect attempt.
    warned = true;
    log.warn('redis_unavailable', { reason, fallback: 'per-process state until Redis is back' });
  };
  const up = () => {
    if (outage === undefined) return;
    if (warned) log.info('redis_restored', {});
    outage = undefined;
    warned = false;
    onHealth({ status: 'shared' });
  };
  client.on('ready', up);
  client.on('error', (error: Error) => down(reasonOf(error)));
  client.on('close', () => down('connection to Redis closed'));
  return {
    client,
    prefix,
    async run(shared, local) {
      if (client.status !== 'ready') return local();
      try {
        const result = await shared(client);
        up();
        return result;
      } catch (error) {
        down(reasonOf(error));
        return local();
      }
    },
    health: () => (outage === undefined ? { status: 'shared' } : { status: 'degraded', reason: outage }),
    async close() {
      closing = true;
      // QUIT lets replies in flight arrive; a connection that is down is just dropped.
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}

// The error's message says what failed (ECONNREFUSED 127.0.0.1:6379, a timeout); never the URL's password.
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Redis unreachable: ${message.replace(/\/\/[^@/]*@/g, '//')}`;
}
