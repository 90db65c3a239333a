import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../logger';

// Slack retries an event three times within about five minutes; an hour is plenty of margin.
const REMEMBER_MS = 60 * 60 * 1000;
// And a bound on how many, so that a burst of events cannot grow the memory without limit.
const REMEMBER_AT_MOST = 100_000;

/**
 * Lets each Events API event through once. A retry (x-slack-retry-num over HTTP, retry_attempt in
 * Socket Mode) and a duplicate delivery carry the same event_id, so neither produces a second answer.
 * The memory is per process: several replicas would need a shared store.
 */
export function firstDeliveryOnly(log: Logger, now: () => number = Date.now): Middleware<AnyMiddlewareArgs> {
  const seen = new Map<string, number>();
  return async ({ body, context, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId === undefined) return next();
    const time = now();
    // A Map iterates in insertion order: the oldest entries come first.
    for (const [id, at] of seen) {
      if (time - at < REMEMBER_MS) break;
      seen.delete(id);
    }
    if (seen.has(eventId)) {
      log.info('slack_event_repeated', { eventId, retryNum: context.retryNum, retryReason: context.retryReason });
      return;
    }
    seen.set(eventId, time);
    if (seen.size > REMEMBER_AT_MOST) seen.delete(seen.keys().next().value as string);
    await next();
  };
}
