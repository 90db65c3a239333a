import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../logger';
import { memoryOnceStore, type OnceStore } from '../state/once-store';
import { oncePerId } from './once-per-id';

/** Slack retries an event three times within about five minutes; an hour is plenty of margin. */
export const EVENT_MEMORY = Object.freeze({ ttlMs: 60 * 60 * 1000, max: 100_000 });

/**
 * Lets each Events API event through once. A retry (x-slack-retry-num over HTTP, retry_attempt in
 * Socket Mode) and a duplicate delivery carry the same event_id, so neither produces a second answer.
 * With a shared store (Redis) that holds across instances: the retry may reach another one.
 */
export function firstDeliveryOnly(log: Logger, events: OnceStore = memoryOnceStore(EVENT_MEMORY)): Middleware<AnyMiddlewareArgs> {
  return oncePerId('event_id', events, ({ context }, eventId) =>
    log.info('slack_event_repeated', { eventId, retryNum: context.retryNum, retryReason: context.retryReason }),
  );
}
