import { createMemoryLogger } from '../../../adapters/logger';
import { answeredOnce, REPLAY_MEMORY } from '../../../adapters/slack/answered-once';
import { memoryOnceStore } from '../../../adapters/state/once-store';

describe('Answering each slash command and button click once', () => {
  // Not 0: lru-cache reads a start time of 0 as "never expires".
  let clock = 1_000_000;
  const log = createMemoryLogger();
  const middleware = answeredOnce(log, memoryOnceStore({ ...REPLAY_MEMORY, now: () => clock }));

  /** Runs the middleware on a body; says whether it reached the listener, and whether it was acknowledged. */
  async function deliver(body: Record<string, unknown>): Promise<{ passed: boolean; acked: boolean }> {
    const outcome = { passed: false, acked: false };
    const args = { body, ack: async () => void (outcome.acked = true), next: async () => void (outcome.passed = true) };
    // Only body, ack and next matter to this middleware.
    await middleware(args as never);
    return outcome;
  }

  it('answers a command the first time, and acknowledges its replay without answering it', async () => {
    const command = { command: '/dlo-ports', text: 'what uses port 443?', trigger_id: '111.222.aaa', user_id: 'U1', team_id: 'T0TEAM' };
    expect(await deliver(command)).toEqual({ passed: true, acked: false });
    expect(await deliver(command)).toEqual({ passed: false, acked: true });
    expect(log.lines.filter((line) => line.includes('slack_request_replayed'))).toHaveLength(1);
  });

  it('answers two clicks of the same button: each has a trigger id of its own', async () => {
    const click = (triggerId: string) => ({ type: 'block_actions', trigger_id: triggerId, actions: [{ action_id: 'dlo_share' }] });
    expect((await deliver(click('333.444.bbb'))).passed).toBe(true);
    expect((await deliver(click('333.444.ccc'))).passed).toBe(true);
  });

  it('keeps a trigger id for ten minutes (a request dated five minutes ahead is accepted that long), then forgets it', async () => {
    const command = { command: '/dlo-ports', text: 'x', trigger_id: '555.666.ddd' };
    expect((await deliver(command)).passed).toBe(true);
    clock += 9 * 60 * 1000;
    expect((await deliver(command)).passed).toBe(false);
    clock += 60 * 1000 + 1;
    expect((await deliver(command)).passed).toBe(true);
  });

  it('passes what has no trigger id (events are de-duplicated by their event_id)', async () => {
    expect((await deliver({ event_id: 'Ev1' })).passed).toBe(true);
    expect((await deliver({ event_id: 'Ev1' })).passed).toBe(true);
  });
});
