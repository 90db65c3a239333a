import { converseIn, createMemoryStore } from '../../adapters/conversation-store';
import { engine } from '../helpers/engine';

describe('The in-process conversation store', () => {
  it('keeps a conversation between messages, separately from others', async () => {
    const store = createMemoryStore();
    await converseIn(engine, store, 'thread-a', 'what ports does the Edge Server need in exclusive BOI?');
    await converseIn(engine, store, 'thread-b', 'what uses port 137?');
    expect((await converseIn(engine, store, 'thread-a', 'and in occasional?')).understood).toBe('DLO Edge Server (from your previous question), occasional BOI, both directions');
    expect((await converseIn(engine, store, 'thread-b', 'and in occasional?')).understood).toBe('port 137 (from your previous question), occasional BOI');
  });

  it('forgets after 30 minutes of silence', async () => {
    // Not 0: lru-cache reads a start time of 0 as "never expires".
    let now = 1_000_000;
    const store = createMemoryStore({ now: () => now });
    await converseIn(engine, store, 'dm', 'what ports does the Edge Server need in exclusive BOI?');
    now += 29 * 60 * 1000;
    expect((await converseIn(engine, store, 'dm', 'and in occasional?')).understood).toBe('DLO Edge Server (from your previous question), occasional BOI, both directions');
    now += 31 * 60 * 1000;
    expect((await converseIn(engine, store, 'dm', 'and in exclusive?')).understood).toBe('exclusive BOI');
  });

  it('stays within its size, dropping the least recently used', async () => {
    const store = createMemoryStore({ maxConversations: 3 });
    for (const id of ['a', 'b', 'c']) await converseIn(engine, store, id, 'edge server ports in exclusive BOI');
    await converseIn(engine, store, 'a', 'and in occasional?'); // a is now the most recent
    await converseIn(engine, store, 'd', 'edge server ports in exclusive BOI');
    expect(store.size).toBe(3);
    expect(await store.get('b')).toBeUndefined();
    expect((await store.get('a'))?.modes).toEqual([{ id: 'occasional-boi', how: 'named' }]);
  });

  it('keeps its own copy: a context changed after it was given or read is not the one kept', async () => {
    const store = createMemoryStore();
    const { context } = engine.converse('edge server ports in exclusive BOI');
    await store.set('y', context);
    context?.modes.splice(0);
    const read = await store.get('y');
    expect(read?.modes).toEqual([{ id: 'exclusive-boi', how: 'named' }]);
    read?.modes.splice(0);
    expect((await store.get('y'))?.modes).toEqual([{ id: 'exclusive-boi', how: 'named' }]);
  });

  it('forgets a conversation on "start over"', async () => {
    const store = createMemoryStore();
    await converseIn(engine, store, 'x', 'edge server ports in exclusive BOI');
    await converseIn(engine, store, 'x', 'start over');
    expect(await store.get('x')).toBeUndefined();
  });
});
