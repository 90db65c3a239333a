import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../logger';
import { memoryOnceStore, type OnceStore } from '../state/once-store';
import { oncePerId } from './once-per-id';
import { TIMESTAMP_SKEW_SECONDS } from './request-checks';
import { requestIds } from './request-ids';

/**
 * A signed request is accepted while its timestamp is within five minutes of our clock, either way
 * (request-checks.ts): one dated ahead stays acceptable for up to ten, so its trigger is kept that long.
 */
export const REPLAY_MEMORY = Object.freeze({ ttlMs: 2 * TIMESTAMP_SKEW_SECONDS * 1000, max: 100_000 });

/**
 * Lets each slash command and button click through once. Slack gives every one a fresh
 * trigger_id; the same trigger_id again is the same request replayed (to this instance or,
 * with a shared store, to another), acknowledged so that the sender sees no error, not answered.
 */
export function answeredOnce(log: Logger, replays: OnceStore = memoryOnceStore(REPLAY_MEMORY)): Middleware<AnyMiddlewareArgs> {
  return oncePerId('trigger_id', replays, async (args) => {
    log.warn('slack_request_replayed', requestIds(args.body));
    if ('ack' in args && args.ack) await args.ack();
  });
}
