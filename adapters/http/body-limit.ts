import type { IncomingMessage } from 'node:http';
import type { RequestHandler, Response } from 'express';
import { HttpError } from './http-error';

/**
 * The most any route accepts (Slack's interactive payloads carry a whole message; Teams' route
 * takes 256 KB; /api/ask 32 KB). Each route keeps its own lower limit under it.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The body length a request announces, or undefined when it streams one (chunked) or has none. */
export function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  return header === undefined || !/^\d+$/.test(header) ? undefined : Number(header);
}

/**
 * The 413 for a body over a limit. The connection closes after it: the rest of the body is never
 * read, which is what a client that keeps sending a gigabyte should get.
 */
export function bodyTooLarge(res: Response, limitBytes: number): HttpError {
  res.set('Connection', 'close');
  return new HttpError(413, 'body_too_large', `The request body is over ${limitBytes.toLocaleString('en')} bytes.`);
}

/**
 * Refuses, before any route reads a byte, a body whose Content-Length is over the server's limit.
 * Body parsers answer 413 only after reading off the whole body; this answers at once.
 */
export function refuseOversizedBodies(limitBytes = MAX_BODY_BYTES): RequestHandler {
  return (req, res, next) => {
    const length = declaredLength(req);
    next(length !== undefined && length > limitBytes ? bodyTooLarge(res, limitBytes) : undefined);
  };
}
