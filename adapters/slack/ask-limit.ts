import type { RateLimitOptions } from '../rate-limit';
import { memoryState, type SharedState } from '../state/shared-state';

/** Who sees a reply: only the asker (the command's acknowledgement, a response_url), or everyone in the conversation. */
export type Audience = 'asker' | 'everyone';

/** What to do with a question: answer it, say "slow down" instead, or let it pass without a word. */
export type LimitVerdict = 'answer' | 'slow-down' | 'silent';

/** Checks one question of one asker (`team:user`) against the per-minute limit. */
export type AskLimit = (asker: string, audience: Audience) => Promise<LimitVerdict>;

/**
 * A per-user limit of questions a minute. Over it, a private reply says "slow down" every time
 * (it costs nothing and the user would otherwise see nothing), a reply everyone sees says it once
 * a minute: one "slow down" for each message of a flood would be a flood in the channel too.
 */
export function createAskLimit(options: RateLimitOptions = {}, state: Pick<SharedState, 'limiter'> = memoryState()): AskLimit {
  const questions = state.limiter('slack-user', options);
  const warnings = state.limiter('slack-user-warned', { ...options, perMinute: 1 });
  return async (asker, audience) => {
    if (await questions.take(asker)) return 'answer';
    return audience === 'asker' || (await warnings.take(asker)) ? 'slow-down' : 'silent';
  };
}
