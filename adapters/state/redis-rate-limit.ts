import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { DEFAULT_PER_MINUTE, limiterOf, type RateLimiter, type RateLimitOptions } from '../rate-limit';
import type { RedisLink } from './redis-link';

/**
 * A limit counted in Redis, `${prefix}limit:${kind}:${key}` (a counter with a one-minute TTL), so
 * that a user over it on one instance is over it on every one. While Redis is down (or not ready)
 * rate-limiter-flexible's insurance limiter counts in this process instead.
 */
export function redisRateLimiter(link: RedisLink, kind: string, options: RateLimitOptions = {}): RateLimiter {
  const points = options.perMinute ?? DEFAULT_PER_MINUTE;
  return limiterOf(
    new RateLimiterRedis({
      storeClient: link.client,
      keyPrefix: `${link.prefix}limit:${kind}`,
      points,
      duration: 60,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ points, duration: 60 }),
    }),
  );
}
