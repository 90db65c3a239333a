import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from '../logger';

/** A request the server refuses: the status, a stable code for programs, a message for people. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Every error response has this one JSON shape. */
export function sendError(res: Response, error: HttpError): void {
  res.status(error.status).json({ error: error.code, message: error.message });
}

// body-parser marks its errors with a `type`; these are the client's fault and say so.
const BODY_ERRORS: Record<string, HttpError> = {
  'entity.parse.failed': new HttpError(400, 'malformed_json', 'The request body is not valid JSON.'),
  'entity.too.large': new HttpError(413, 'body_too_large', 'The request body is too large.'),
  'entity.verify.failed': new HttpError(400, 'bad_body', 'The request body was refused.'),
  'encoding.unsupported': new HttpError(415, 'unsupported_encoding', 'The request body encoding is not supported.'),
  'charset.unsupported': new HttpError(415, 'unsupported_charset', 'Send the JSON body as UTF-8.'),
  'request.aborted': new HttpError(400, 'request_aborted', 'The request was aborted.'),
  'request.size.invalid': new HttpError(400, 'bad_body', 'The request body length does not match Content-Length.'),
  'stream.encoding.set': new HttpError(400, 'bad_body', 'The request body could not be read.'),
};

const errorFields = (error: unknown) => {
  const fields = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const status = typeof fields.status === 'number' ? fields.status : undefined;
  const type = typeof fields.type === 'string' ? fields.type : undefined;
  return { status, type };
};

/** Turns any thrown error into the JSON shape; only errors of ours or of the client keep their status. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const { status, type } = errorFields(error);
  if (type !== undefined && BODY_ERRORS[type]) return BODY_ERRORS[type];
  // Express marks client errors it finds itself (a malformed %-escape in the path) with a 4xx status.
  if (status !== undefined && status >= 400 && status < 500) return new HttpError(status, 'bad_request', 'Bad request.');
  return new HttpError(500, 'internal', 'Something went wrong on our side; the error was logged.');
}

/** The last handler: logs server faults with their stack, and never sends a stack to the client. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const httpError = toHttpError(error);
    if (httpError.status >= 500) {
      log.error('request_failed', { method: req.method, path: req.path, error: error instanceof Error ? error.stack : String(error) });
    }
    // Half a response cannot be mended: drop the connection so the client sees the failure.
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    sendError(res, httpError);
  };
}

/** Unknown routes answer in the same JSON shape as every other error. */
export const notFound: RequestHandler = (req, res) => {
  sendError(res, new HttpError(404, 'not_found', `Nothing at ${req.method} ${req.path}.`));
};
