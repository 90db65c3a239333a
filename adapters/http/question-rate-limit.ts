import type { RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from '../logger';
import { HttpError } from './http-error';

/**
 * Questions a client (one address) may ask the API a minute. A person on the page asks one every
 * few seconds at most; a script that floods the engine is told to wait instead.
 */
export const QUESTION_LIMIT = Object.freeze({ points: 60, duration: 60 });

export type QuestionLimit = { points: number; duration: number };

/** The limiter behind the routes that ask the engine a question; in memory, per process. */
export function createQuestionLimiter(limit: QuestionLimit = QUESTION_LIMIT): RateLimiterAbstract {
  return new RateLimiterMemory({ keyPrefix: 'api-question', ...limit });
}

/**
 * Counts every question (`GET /api/ask`, `POST /api/ask`, `GET /api/table?q=`) and every diagram against the client's
 * address; over the limit the answer is 429 with Retry-After, before the engine runs. The address is
 * the socket's: behind a reverse proxy every client shares the proxy's (see the README).
 */
export function limitQuestions(limiter: RateLimiterAbstract, log: Logger): RequestHandler {
  return async (req, res, next) => {
    // A diagram counts whatever it draws: a PNG costs the CPU of many answers.
    const asks = req.path === '/api/ask' || (req.path === '/api/table' && req.query.q !== undefined) || req.path.startsWith('/api/diagram.');
    if (!asks) return next();
    const client = req.socket.remoteAddress ?? 'unknown';
    try {
      await limiter.consume(client);
    } catch (refusal) {
      // A store failure (not a refusal) is a fault of ours: the error handler logs it.
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      log.warn('api_rate_limited', { path: req.path, retryAfterSeconds: seconds });
      res.set('Retry-After', String(seconds));
      throw new HttpError(429, 'rate_limited', `Too many questions from this address: wait ${seconds} s and ask again.`);
    }
    next();
  };
}
