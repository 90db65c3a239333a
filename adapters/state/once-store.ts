import { LRUCache } from 'lru-cache';
import type { RedisLink } from './redis-link';

/** Remembers ids for a while: the first claim of an id wins, every later one within the time is a repeat. */
export interface OnceStore {
  firstClaim(id: string): Promise<boolean>;
}

export interface OnceOptions {
  ttlMs: number;
  /** Most ids kept in this process; the oldest go first, so a burst cannot grow memory. */
  max?: number;
  now?: () => number;
}

/**
 * The id as a string of its own. An id parsed out of a request body is a slice of that body, and
 * V8 keeps the whole body alive for as long as the slice: remembering 100,000 ids for an hour
 * would hold 100,000 bodies (a Slack event's is kilobytes). Flattening the concatenation copies
 * the characters, exactly, whatever they are.
 */
const ownCopy = (id: string): string => ` ${id}`.slice(1);

// maxSize with a size of 1 bounds the ids as `max` would; `max` allocates 3 MB of arrays before the first id.
const sizeOfAnId = () => 1;

/** Ids in this process, for ttlMs, at most `max` of them. */
export function memoryOnceStore({ ttlMs, max = 100_000, now }: OnceOptions): OnceStore {
  const seen = new LRUCache<string, true>({ maxSize: max, sizeCalculation: sizeOfAnId, ttl: ttlMs, ...(now ? { perf: { now }, ttlResolution: 0 } : {}) });
  return {
    async firstClaim(id) {
      if (seen.has(id)) return false;
      seen.set(ownCopy(id), true);
      return true;
    },
  };
}

/**
 * Ids in Redis (`SET key 1 NX PX ttl`: atomic, so two instances claiming at once get one winner),
 * also noted in this process, which answers alone while Redis is down.
 */
export function redisOnceStore(link: RedisLink, kind: string, options: OnceOptions): OnceStore {
  const local = memoryOnceStore(options);
  return {
    async firstClaim(id) {
      const here = local.firstClaim(id);
      return link.run(async (client) => (await client.set(`${link.prefix}${kind}:${id}`, '1', 'PX', options.ttlMs, 'NX')) === 'OK', () => here);
    },
  };
}
