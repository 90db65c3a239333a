import { createMemoryStore, type ConversationStore } from '../conversation-store';
import type { Logger } from '../logger';
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from '../rate-limit';
import { memoryOnceStore, redisOnceStore, type OnceOptions, type OnceStore } from './once-store';
import { connectRedis, type StateHealth } from './redis-link';
import { redisConversationStore } from './redis-conversations';
import { redisRateLimiter } from './redis-rate-limit';
import type { StateConfig } from './state-config';

/**
 * The state an instance keeps between requests, in one place: conversations, ids already
 * answered, rate limits. In this process without REDIS_URL; in Redis with it, so that every
 * instance behind a load balancer shares it. The key layout is in the README ("Running more than
 * one instance").
 */
export interface SharedState {
  /** Context per Slack thread or DM, Teams conversation and web tab, keyed `surface:id`. */
  readonly conversations: ConversationStore;
  /** Ids of one kind (`event`, `replay`) claimed once within the time. */
  once(kind: string, options: OnceOptions): OnceStore;
  /** A per-key limit of one kind (`slack-user`, `teams-conversation`). */
  limiter(kind: string, options?: RateLimitOptions): RateLimiter;
  health(): StateHealth;
  close(): Promise<void>;
}

/** Everything in this process: what a single instance needs, with no server to run. */
export function memoryState(): SharedState {
  return {
    conversations: createMemoryStore(),
    once: (_kind, options) => memoryOnceStore(options),
    limiter: (_kind, options) => createRateLimiter(options),
    health: () => ({ status: 'memory' }),
    close: async () => undefined,
  };
}

/** Redis when REDIS_URL is set, else memory. Connecting never fails start-up: until Redis answers, the state is per-process. */
export function createSharedState(config: StateConfig, log: Logger, onHealth?: (health: StateHealth) => void): SharedState {
  if (!config.redisUrl) return memoryState();
  const link = connectRedis(config.redisUrl, config.prefix, log, onHealth);
  return {
    conversations: redisConversationStore(link),
    once: (kind, options) => redisOnceStore(link, kind, options),
    limiter: (kind, options) => redisRateLimiter(link, kind, options),
    health: link.health,
    close: link.close,
  };
}
