import type { Activity, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { z } from 'zod';

export type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * How one request's Bot Framework token fared. `unavailable`: the token could not be checked
 * (the identity provider's signing keys could not be fetched in time), which is our problem, not
 * the caller's; `rejected`: no token, or one that is not valid.
 */
export type AuthOutcome =
  | { ok: true; result: AuthenticateRequestResult }
  | { ok: false; reason: 'rejected' | 'unavailable'; detail: string };

/** Long enough for a slow identity provider, well inside the 15 seconds Bot Framework waits for us. */
export const AUTH_TIMEOUT_MS = 5000;

class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
}

// botframework-connector throws AuthenticationError with a statusCode (500 when its key fetch got
// an HTTP error) and lets node-fetch's network errors through untouched.
const failureSchema = z.object({
  name: z.string().optional(),
  message: z.string().optional(),
  statusCode: z.number().optional(),
  code: z.string().optional(),
});
const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Checks the request's token, bounded by timeoutMs: botframework-connector fetches the signing
 * keys with no timeout (OpenIdMetadata.refreshCache), so a blackholed identity provider would
 * otherwise hold every request, and CloudAdapter.process would answer its failure with a 500
 * that carries the metadata URL. Never throws.
 */
export async function authenticate(
  auth: ConfigurationBotFrameworkAuthentication,
  activity: Activity,
  authHeader: string,
  timeoutMs = AUTH_TIMEOUT_MS,
): Promise<AuthOutcome> {
  return checkToken(auth.authenticateRequest(activity, authHeader), timeoutMs);
}

/** The outcome of a token check already under way, given up on after timeoutMs. Never throws. */
export async function checkToken(work: Promise<AuthenticateRequestResult>, timeoutMs = AUTH_TIMEOUT_MS): Promise<AuthOutcome> {
  try {
    return { ok: true, result: await withDeadline(work, timeoutMs) };
  } catch (error) {
    return { ok: false, reason: isUnavailable(error) ? 'unavailable' : 'rejected', detail: describe(error) };
  }
}

function isUnavailable(error: unknown): boolean {
  if (error instanceof DeadlineError) return true;
  const failure = failureSchema.safeParse(error);
  if (!failure.success) return false;
  const { name, statusCode, code } = failure.data;
  return name === 'FetchError' || (code !== undefined && NETWORK_CODES.has(code)) || (statusCode !== undefined && statusCode >= 500);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  // The losing fetch carries on in the background; race() has already taken care of its rejection.
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
