import { createMemoryLogger } from '../../../adapters/logger';
import { EVENT_MEMORY, firstDeliveryOnly } from '../../../adapters/slack/first-delivery';
import { memoryOnceStore } from '../../../adapters/state/once-store';

describe('Letting each event through once', () => {
  // Not 0: lru-cache reads a start time of 0 as "never expires".
  let clock = 1_000_000;
  const log = createMemoryLogger();
  const middleware = firstDeliveryOnly(log, memoryOnceStore({ ...EVENT_MEMORY, now: () => clock }));

  async function deliver(body: Record<string, unknown>, retryNum?: number): Promise<boolean> {
    let passed = false;
    const args = { body, context: { retryNum }, next: async () => void (passed = true) };
    // Only body, context and next matter to this middleware.
    await middleware(args as never);
    return passed;
  }

  it('passes an event the first time and drops its retries and duplicates', async () => {
    expect(await deliver({ event_id: 'Ev1' })).toBe(true);
    expect(await deliver({ event_id: 'Ev1' }, 1)).toBe(false);
    expect(await deliver({ event_id: 'Ev1' })).toBe(false);
    expect(await deliver({ event_id: 'Ev2' })).toBe(true);
    expect(log.lines.filter((line) => line.includes('slack_event_repeated'))).toHaveLength(2);
  });

  it('passes commands and button clicks, which have no event_id, every time', async () => {
    expect(await deliver({ command: '/dlo-ports' })).toBe(true);
    expect(await deliver({ command: '/dlo-ports' })).toBe(true);
  });

  it('forgets an event after an hour, long after Slack has stopped retrying', async () => {
    expect(await deliver({ event_id: 'Ev3' })).toBe(true);
    clock += 61 * 60 * 1000;
    expect(await deliver({ event_id: 'Ev3' })).toBe(true);
  });
});
