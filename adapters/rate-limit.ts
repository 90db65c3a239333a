import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * A per-key limit of questions a minute (one Slack user, one Teams conversation): a flood from
 * one key gets "slow down" while every other key is unaffected. rate-limiter-flexible does the
 * counting: the same limiter interface in memory and in Redis (adapters/state), where every
 * instance counts against one limit.
 */
export interface RateLimiter {
  /** True when the key may ask now (and counts this question); false when it is over its limit. */
  take(key: string): Promise<boolean>;
}

export interface RateLimitOptions {
  perMinute?: number;
}

export const DEFAULT_PER_MINUTE = 30;

/** A limiter in this process: fixed one-minute windows; each key's count expires with its window. */
export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  return limiterOf(new RateLimiterMemory({ points: options.perMinute ?? DEFAULT_PER_MINUTE, duration: 60 }));
}

/** A rate-limiter-flexible limiter as a RateLimiter: a rejection with a RateLimiterRes is "over the limit". */
export function limiterOf(limiter: RateLimiterAbstract): RateLimiter {
  return {
    take: (key) =>
      limiter.consume(key).then(
        () => true,
        (outcome: unknown) => {
          if (outcome instanceof RateLimiterRes) return false;
          throw outcome;
        },
      ),
  };
}

/** What a surface says instead of answering a key over its limit. */
export const SLOW_DOWN = 'You are asking faster than I answer: please wait a minute and ask again.';
