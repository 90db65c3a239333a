import { converseIn, createMemoryStore } from '../../adapters/conversation-store';
import { engine } from '../helpers/engine';

describe('The in-process conversation store', () => {
  it('keeps a conversation between messages, separately from others', () => {
    const store = createMemoryStore();
    converseIn(engine, store, 'thread-a', 'what ports does the Edge Server need in exclusive BOI?');
    converseIn(engine, store, 'thread-b', 'what uses port 137?');
    expect(converseIn(engine, store, 'thread-a', 'and in occasional?').understood).toBe('DLO Edge Server (from your previous question), occasional BOI, both directions');
    expect(converseIn(engine, store, 'thread-b', 'and in occasional?').understood).toBe('port 137 (from your previous question), occasional BOI');
  });

  it('forgets after 30 minutes of silence', () => {
    let now = 0;
    const store = createMemoryStore({ now: () => now });
    converseIn(engine, store, 'dm', 'what ports does the Edge Server need in exclusive BOI?');
    now += 29 * 60 * 1000;
    expect(converseIn(engine, store, 'dm', 'and in occasional?').understood).toBe('DLO Edge Server (from your previous question), occasional BOI, both directions');
    now += 31 * 60 * 1000;
    expect(converseIn(engine, store, 'dm', 'and in exclusive?').understood).toBe('exclusive BOI');
  });

  it('stays within its size, dropping the least recently used', () => {
    const store = createMemoryStore({ maxConversations: 3 });
    for (const id of ['a', 'b', 'c']) converseIn(engine, store, id, 'edge server ports in exclusive BOI');
    converseIn(engine, store, 'a', 'and in occasional?'); // a is now the most recent
    converseIn(engine, store, 'd', 'edge server ports in exclusive BOI');
    expect(store.size).toBe(3);
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')?.modes).toEqual([{ id: 'occasional-boi', how: 'named' }]);
  });

  it('forgets a conversation on "start over"', () => {
    const store = createMemoryStore();
    converseIn(engine, store, 'x', 'edge server ports in exclusive BOI');
    converseIn(engine, store, 'x', 'start over');
    expect(store.get('x')).toBeUndefined();
  });
});
