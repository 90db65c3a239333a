import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { HttpError } from '../http/http-error';
import type { Logger } from '../logger';

/** How far a request's timestamp may be from our clock, either way (Slack's own advice: five minutes). */
export const TIMESTAMP_SKEW_SECONDS = 5 * 60;

const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^[0-9]{1,12}$/;

/**
 * Before Bolt reads the body: only a `v0=` signature, and a timestamp of whole seconds within five
 * minutes of now, either way. Bolt alone accepts any version (it signs `v1:…` with the same secret),
 * future and `Infinity` timestamps; it still checks the HMAC after this.
 */
export function checkSlackHeaders(log: Logger, now: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const problem = headerProblem(req.headers, now());
    if (problem === undefined) return next();
    log.warn('slack_request_refused', { reason: problem });
    // The body is never read: the connection closes rather than drain whatever the sender still sends.
    res.set('Connection', 'close');
    throw new HttpError(401, 'unauthorized', 'The request is not signed by Slack.');
  };
}

function headerProblem(headers: IncomingHttpHeaders, nowMs: number): string | undefined {
  const signature = headers['x-slack-signature'];
  const timestamp = headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || !SIGNATURE.test(signature)) return 'signature_format';
  if (typeof timestamp !== 'string' || !TIMESTAMP.test(timestamp)) return 'timestamp_format';
  if (Math.abs(Number(timestamp) - nowMs / 1000) > TIMESTAMP_SKEW_SECONDS) return 'timestamp_out_of_window';
  return undefined;
}
