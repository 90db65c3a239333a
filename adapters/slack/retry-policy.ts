import { RespondError, webApi } from '@slack/bolt';

/**
 * How a call to Slack (a Web API method, a response_url post) is retried: at most twice, and only
 * where Slack said it did not take the call. A 5xx or a refused connection is retried after a short
 * backoff; a 429 after its Retry-After, unless that is longer than a chat answer can wait.
 * A timeout or a dropped connection is not retried: the message may have been posted already.
 */
export const RETRY_POLICY = Object.freeze({
  retries: 2,
  backoffMs: 250,
  maxRetryAfterSeconds: 10,
  // The response_url answers 429 without a Retry-After that reaches us.
  respondRateLimitedMs: 1000,
});

/**
 * The Web API client's own policy is off (it retries for half an hour, and waits any Retry-After
 * however long): RETRY_POLICY decides instead. The timeout bounds a call Slack never answers.
 */
export const WEB_CLIENT_RETRY_OPTIONS = Object.freeze({
  retryConfig: { retries: 0 },
  rejectRateLimitedCalls: true,
  timeout: 10_000,
}) satisfies webApi.WebClientOptions;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Errors that mean nothing reached Slack: no connection was made.
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND']);

/** Runs a call to Slack under RETRY_POLICY; the last error is thrown when it gives up. */
export async function withRetries<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const delayMs = attempt < RETRY_POLICY.retries ? retryDelayMs(error, attempt) : undefined;
      if (delayMs === undefined) throw error;
      await sleep(delayMs);
    }
  }
}

/** How long to wait before trying a failed call again, or undefined when it must not be. */
function retryDelayMs(error: unknown, attempt: number): number | undefined {
  const backoff = RETRY_POLICY.backoffMs * 2 ** attempt;
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return error.retryAfter <= RETRY_POLICY.maxRetryAfterSeconds ? error.retryAfter * 1000 : undefined;
  }
  if (error instanceof webApi.WebAPIHTTPError) return error.statusCode >= 500 ? backoff : undefined;
  if (error instanceof RespondError) {
    if (error.statusCode === 429) return RETRY_POLICY.respondRateLimitedMs;
    return error.statusCode >= 500 ? backoff : undefined;
  }
  return neverConnected(error) ? backoff : undefined;
}

// fetch wraps the socket's error as its cause; the Web API client wraps fetch's as `original`.
function neverConnected(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string' && NOT_CONNECTED.has(code)) return true;
    current = current instanceof webApi.WebAPIRequestError ? current.original : current.cause;
  }
  return false;
}
