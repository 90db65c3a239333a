import { createRateLimiter, type RateLimitOptions } from '../rate-limit';

/** Who sees a reply: only the asker (the command's acknowledgement, a response_url), or everyone in the conversation. */
export type Audience = 'asker' | 'everyone';

/** What to do with a question: answer it, say "slow down" instead, or let it pass without a word. */
export type LimitVerdict = 'answer' | 'slow-down' | 'silent';

/** Checks one question of one asker (`team:user`) against the per-minute limit. */
export type AskLimit = (asker: string, audience: Audience) => LimitVerdict;

/**
 * A per-user limit of questions a minute. Over it, a private reply says "slow down" every time
 * (it costs nothing and the user would otherwise see nothing), a reply everyone sees says it once
 * a minute: one "slow down" for each message of a flood would be a flood in the channel too.
 */
export function createAskLimit(options: RateLimitOptions = {}): AskLimit {
  const questions = createRateLimiter(options);
  const warnings = createRateLimiter({ ...options, perMinute: 1 });
  return (asker, audience) => {
    if (questions.take(asker)) return 'answer';
    return audience === 'asker' || warnings.take(asker) ? 'slow-down' : 'silent';
  };
}
