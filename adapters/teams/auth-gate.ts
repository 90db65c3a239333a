import type { Activity, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Logger } from '../logger';
import { AUTH_TIMEOUT_MS, checkToken, type AuthOutcome } from './authenticate';

/** How long the identity provider is left alone after it failed, doubling up to the maximum. */
export interface AuthBackoff {
  firstMs: number;
  maxMs: number;
}

export const AUTH_BACKOFF: AuthBackoff = Object.freeze({ firstMs: 5_000, maxMs: 5 * 60_000 });

export type GatedOutcome = AuthOutcome | { ok: false; reason: 'unavailable'; detail: string; retryAfterSeconds: number };

export interface AuthGateOptions {
  log: Logger;
  timeoutMs?: number;
  backoff?: AuthBackoff;
  now?: () => number;
}

/**
 * Token checks one at a time, in front of botframework-connector: it fetches the signing keys for
 * any request while it has none, with no timeout and without remembering a failure, so a flood of
 * forged tokens against a provider that never answers would open a socket each. Here a check waits
 * for the one before it; once the keys could not be fetched, every request is refused (503) without
 * a check until the backoff passes and no earlier fetch is still waiting, so that at most one fetch
 * is ever in flight. Each new cause is logged once, and so is the recovery.
 */
export function createAuthGate(auth: ConfigurationBotFrameworkAuthentication, options: AuthGateOptions) {
  const { log, timeoutMs = AUTH_TIMEOUT_MS, backoff = AUTH_BACKOFF, now = Date.now } = options;
  let queue: Promise<unknown> = Promise.resolve();
  let stillFetching: Promise<unknown> | undefined;
  let downUntil = 0;
  let waitMs = backoff.firstMs;
  let cause: string | undefined;

  const refused = (): GatedOutcome => ({
    ok: false,
    reason: 'unavailable',
    detail: cause ?? 'identity provider unavailable',
    retryAfterSeconds: Math.max(1, Math.ceil((downUntil - now()) / 1000)),
  });

  const check = async (activity: Activity, authHeader: string): Promise<GatedOutcome> => {
    if (now() < downUntil || stillFetching) return refused();
    const work = auth.authenticateRequest(activity, authHeader);
    // A check given up on may still be fetching (a provider that never answers): none starts beside it.
    stillFetching = work;
    // Registered before the deadline's own handlers: the next check in the queue sees it settled.
    const settled = () => {
      if (stillFetching === work) stillFetching = undefined;
    };
    work.then(settled, settled);
    const outcome = await checkToken(work, timeoutMs);
    if (!outcome.ok && outcome.reason === 'unavailable') {
      downUntil = now() + waitMs;
      waitMs = Math.min(waitMs * 2, backoff.maxMs);
      if (outcome.detail !== cause) log.error('teams_auth_unavailable', { detail: outcome.detail, retryAfterSeconds: Math.ceil((downUntil - now()) / 1000) });
      cause = outcome.detail;
      return refused();
    }
    if (cause !== undefined) log.info('teams_auth_available', { after: cause });
    cause = undefined;
    waitMs = backoff.firstMs;
    return outcome;
  };

  return {
    /** The request's token checked, after the checks before it. Never throws. */
    authenticate(activity: Activity, authHeader: string): Promise<GatedOutcome> {
      const turn = queue.then(() => check(activity, authHeader));
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

export type AuthGate = ReturnType<typeof createAuthGate>;
