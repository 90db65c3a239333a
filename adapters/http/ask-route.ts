import { Router, type RequestHandler, type Response } from 'express';
import { answerJson, type Answer, type Engine } from '../../src';
import { logAnswer } from '../answer-log';
import type { Logger } from '../logger';
import { readerFor } from '../read-aside';
import { HttpError } from './http-error';
import { jsonBody } from './json-body';
import { answerOf } from './question';

// A 4,000-character question is at most 16 KB as UTF-8, 24 KB with every character \u-escaped.
const BODY_LIMIT_BYTES = 32 * 1024;

const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'POST /api/ask takes Content-Type: application/json, e.g. {"q": "QUESTION"}.');
  }
  next();
};

const methodNotAllowed: RequestHandler = (_req, res) => {
  res.set('Allow', 'GET, HEAD, POST');
  throw new HttpError(405, 'method_not_allowed', 'Use GET /api/ask?q=QUESTION or POST /api/ask with {"q": "QUESTION"}.');
};

const fieldOf = (body: unknown, name: string): unknown =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[name] : undefined;

// `explain` adds the reading's trace (which refiner decided what, from which words): `?explain=1` or `{"explain": true}`.
const QUERY_FLAGS: Record<string, boolean> = { '1': true, true: true, '0': false, false: false };
function explainOf(value: unknown, fromQueryString: boolean): boolean {
  if (value === undefined) return false;
  const flag = fromQueryString && typeof value === 'string' ? QUERY_FLAGS[value] : typeof value === 'boolean' ? value : undefined;
  if (flag === undefined) throw new HttpError(400, 'bad_explain', fromQueryString ? 'explain must be 1, true, 0 or false.' : 'explain must be true or false.');
  return flag;
}

/**
 * GET /api/ask?q= and POST /api/ask {"q"}: the contract's answer object, with `trace` when `explain` is asked. Input the engine would
 * refuse is a 4xx JSON error instead; an incomplete question ("which ports?") is a normal clarify.
 */
export function askRouter(engine: Engine, log: Logger): Router {
  const router = Router();
  const answer = async (q: unknown, explain: boolean) => {
    const startedAt = performance.now();
    const result = await answerOf(engine, q, (question) => readerFor(engine).ask(question, { explain }));
    logAnswer(log, { surface: 'api', ids: {}, answer: result, startedAt });
    return result;
  };
  // answerJson is res.json's text, with the rule tables written once per rule set.
  const send = (res: Response, result: Answer) => res.type('application/json').send(answerJson(result));
  router.get('/api/ask', async (req, res) => {
    send(res, await answer(req.query.q, explainOf(req.query.explain, true)));
  });
  // The JSON parser sits on this route only: Bolt's receiver needs the raw body of its own routes.
  router.post('/api/ask', requireJson, jsonBody(BODY_LIMIT_BYTES), async (req, res) => {
    send(res, await answer(fieldOf(req.body, 'q'), explainOf(fieldOf(req.body, 'explain'), false)));
  });
  router.all('/api/ask', methodNotAllowed);
  return router;
}
