import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

const current = new AsyncLocalStorage<string>();

// A load balancer's or client's X-Request-Id is kept when it looks like an id, so the lines join up across hops.
const GIVEN_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The id of the request being handled, for every log line written on its behalf. */
export const currentRequestId = (): string | undefined => current.getStore();

/** Gives each request an id (X-Request-Id, echoed in the response) that every log line it causes carries. */
export const requestId: RequestHandler = (req, res, next) => {
  const given = req.get('x-request-id');
  const id = given !== undefined && GIVEN_ID.test(given) ? given : randomUUID();
  res.set('X-Request-Id', id);
  current.run(id, next);
};
