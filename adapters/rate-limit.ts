/**
 * A per-key limit of questions a minute (one Slack user, one Teams conversation): a flood from
 * one key gets "slow down" while every other key is unaffected. Fixed one-minute windows, and a
 * bounded number of keys, so a flood of distinct keys cannot grow memory either.
 */
export interface RateLimiter {
  /** True when the key may ask now (and counts this question); false when it is over its limit. */
  take(key: string): boolean;
}

export interface RateLimitOptions {
  perMinute?: number;
  maxKeys?: number;
  now?: () => number;
}

export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const perMinute = options.perMinute ?? 30;
  const maxKeys = options.maxKeys ?? 50_000;
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key) {
      const at = now();
      let window = windows.get(key);
      if (!window || at - window.start >= 60_000) {
        windows.delete(key);
        window = { start: at, count: 0 };
        windows.set(key, window);
        // Insertion order: the oldest window goes first when there are too many keys.
        if (windows.size > maxKeys) windows.delete(windows.keys().next().value as string);
      }
      window.count += 1;
      return window.count <= perMinute;
    },
  };
}

/** What a surface says instead of answering a key over its limit. */
export const SLOW_DOWN = 'You are asking faster than I answer: please wait a minute and ask again.';
