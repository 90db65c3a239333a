/**
 * Remembers the keys of requests already handled (a signed Slack request, say) for as long as a
 * replay of one would still be accepted. The memory store serves one process; a shared store (Redis)
 * implements the same interface so that several replicas answer a replay once between them.
 */
export interface ReplayStore {
  /** True the first time `key` is offered within `ttlMs` (and remembers it); false for a repeat. */
  firstSeen(key: string, ttlMs: number): Promise<boolean>;
}

export interface MemoryReplayStoreOptions {
  /** A bound on the keys held, so that a flood of distinct requests cannot grow memory. */
  maxKeys?: number;
  now?: () => number;
}

export function createMemoryReplayStore(options: MemoryReplayStoreOptions = {}): ReplayStore {
  const maxKeys = options.maxKeys ?? 100_000;
  const now = options.now ?? Date.now;
  const expiries = new Map<string, number>();
  return {
    async firstSeen(key, ttlMs) {
      const at = now();
      // Insertion order is expiry order while every key gets the same ttl: expired keys come first.
      for (const [old, expiresAt] of expiries) {
        if (expiresAt > at) break;
        expiries.delete(old);
      }
      if ((expiries.get(key) ?? 0) > at) return false;
      expiries.delete(key);
      expiries.set(key, at + ttlMs);
      if (expiries.size > maxKeys) expiries.delete(expiries.keys().next().value as string);
      return true;
    },
  };
}
