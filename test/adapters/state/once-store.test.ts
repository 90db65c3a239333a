import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { memoryOnceStore } from '../../../adapters/state/once-store';

// jest runs without --expose-gc: the flag, set now, gives a fresh context its gc().
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('The ids remembered in this process', () => {
  it('are claimed once each, for their time', async () => {
    // lru-cache reads a start at 0 as "no time": the clock starts later.
    let clock = 1000;
    const store = memoryOnceStore({ ttlMs: 1000, now: () => clock });
    expect(await store.firstClaim('13245.6789.abcdef')).toBe(true);
    expect(await store.firstClaim('13245.6789.abcdef')).toBe(false);
    clock = 2001;
    expect(await store.firstClaim('13245.6789.abcdef')).toBe(true);
  });

  it('keep at most `max` ids, forgetting the oldest first', async () => {
    const store = memoryOnceStore({ ttlMs: 60_000, max: 3 });
    for (const id of ['a', 'b', 'c', 'd']) expect(await store.firstClaim(id)).toBe(true);
    // 'a' was pushed out by 'd'; 'b', 'c' and 'd' are still known.
    expect(await store.firstClaim('b')).toBe(false);
    expect(await store.firstClaim('d')).toBe(false);
    expect(await store.firstClaim('a')).toBe(true);
  });

  it('weigh what they hold, not what they may hold', async () => {
    gc();
    const before = process.memoryUsage().heapUsed;
    const stores = Array.from({ length: 20 }, () => memoryOnceStore({ ttlMs: 60_000, max: 100_000 }));
    for (const store of stores) await store.firstClaim('13245.6789.abcdef');
    gc();
    // Arrays sized for 100,000 ids each were 64 MB.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(2 * 1024 * 1024);
    expect(await stores[19].firstClaim('13245.6789.abcdef')).toBe(false);
  });

  it('do not keep the request bodies they were read from', async () => {
    const store = memoryOnceStore({ ttlMs: 60_000 });
    // An id parsed out of a body is a slice of it (V8 keeps the parent of a slice of 13 characters or more).
    const bodies = 500;
    const bodyChars = 200_000;
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < bodies; i++) {
      const id = `${String(i).padStart(8, '0')}.1234567890.abcdef`;
      const body = `trigger_id=${id}&text=${'x'.repeat(bodyChars)}`;
      await store.firstClaim(body.slice('trigger_id='.length, 'trigger_id='.length + id.length));
    }
    gc();
    const kept = process.memoryUsage().heapUsed - before;
    // The bodies weigh 100 MB; the ids, a few hundred kilobytes with the cache's own arrays.
    expect(kept).toBeLessThan((bodies * bodyChars) / 10);
    expect(await store.firstClaim(`${String(7).padStart(8, '0')}.1234567890.abcdef`)).toBe(false);
  });
});
