import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { bodyTooLarge, declaredLength } from './body-limit';
import { HttpError } from './http-error';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/**
 * Parses a UTF-8 JSON object or array body into req.body, holding at most limitBytes of it. Unlike
 * express.json, which reads off the whole of an oversized body before its 413 (forever, for a
 * chunked upload that never ends), this answers 413 as soon as the limit is passed and closes.
 */
export function jsonBody(limitBytes: number): RequestHandler {
  return async (req, res, next) => {
    if ((req.get('content-encoding') ?? 'identity').toLowerCase() !== 'identity') {
      throw new HttpError(415, 'unsupported_encoding', 'Send the request body uncompressed.');
    }
    const charset = CHARSET.exec(req.get('content-type') ?? '')?.[1].toLowerCase() ?? 'utf-8';
    if (charset !== 'utf-8' && charset !== 'utf8') throw new HttpError(415, 'unsupported_charset', 'Send the JSON body as UTF-8.');
    const length = declaredLength(req);
    if (length !== undefined && length > limitBytes) throw bodyTooLarge(res, limitBytes);
    const body = await readUpTo(req, limitBytes);
    if (body === undefined) throw bodyTooLarge(res, limitBytes);
    req.body = parseJson(body.toString('utf8'));
    next();
  };
}

/** The whole body, or undefined as soon as it passes limitBytes (the rest is left unread). */
function readUpTo(req: IncomingMessage, limitBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const settle = (outcome: () => void) => {
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onAbort);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      chunks.push(chunk);
      if (received <= limitBytes) return;
      req.pause();
      settle(() => resolve(undefined));
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks)));
    const onAbort = () => settle(() => reject(new HttpError(400, 'request_aborted', 'The request was aborted.')));
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onAbort);
  });
}

// Like express.json's strict mode: a body is an object or an array; empty is no body at all.
function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  try {
    if (trimmed[0] !== '{' && trimmed[0] !== '[') throw new SyntaxError('not an object or array');
    return JSON.parse(trimmed);
  } catch {
    throw new HttpError(400, 'malformed_json', 'The request body is not valid JSON.');
  }
}
