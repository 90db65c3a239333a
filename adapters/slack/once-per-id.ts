import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { OnceStore } from '../state/once-store';

type MiddlewareArgs = Parameters<Middleware<AnyMiddlewareArgs>>[0];

/**
 * Lets a request reach the listeners the first time its id (a string field of Slack's body) is
 * claimed in the store; a repeat goes to `onRepeat` instead. A request without the field passes.
 */
export function oncePerId(field: 'event_id' | 'trigger_id', store: OnceStore, onRepeat: (args: MiddlewareArgs, id: string) => unknown): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const value: unknown = (args.body as Record<string, unknown>)[field];
    if (typeof value !== 'string' || (await store.firstClaim(value))) return args.next();
    await onRepeat(args, value);
  };
}
