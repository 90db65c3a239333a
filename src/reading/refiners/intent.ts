import { decide } from '../decide';
import type { Refiner } from '../refiner';

/** The last step: answer, ask back or say "I don't know", from the Query alone. */
export const intent: Refiner = {
  name: 'intent',
  refine(context) {
    Object.assign(context.query, decide(context.query));
    const { status, intent: kind, reason } = context.query;
    context.trace(() => [`${status}${status === 'answered' ? `: ${kind}` : ''}${reason ? ` (${reason})` : ''}`]);
  },
};
