import { Router, type RequestHandler, type Response } from 'express';
import type { Activity, ActivityHandler, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { z } from 'zod';
import { HttpError, sendError } from '../http/http-error';
import { jsonBody } from '../http/json-body';
import type { Logger } from '../logger';
import { createAuthGate, type GatedOutcome } from './auth-gate';
import type { TeamsCloudAdapter } from './cloud-adapter';
import { isLoopbackHost, isLoopbackUrl } from './loopback';

export const MESSAGES_PATH = '/api/messages';

// Activities are small (Teams caps messages near 100 KB, attachments travel as links); the
// parser refuses anything bigger before botbuilder sees it.
const BODY_LIMIT = 256 * 1024;

/** What the route needs of an activity before botbuilder may see it; the rest passes through. */
const inboundActivitySchema = z.looseObject({
  type: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

export interface MessagesRouteDeps {
  auth: ConfigurationBotFrameworkAuthentication;
  adapter: TeamsCloudAdapter;
  bot: ActivityHandler;
  log: Logger;
  /** Local mode: no tokens, and replies only to a serviceUrl on this machine. */
  local: boolean;
  authTimeoutMs?: number;
}

const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) throw new HttpError(415, 'unsupported_media_type', 'POST a Bot Framework activity as application/json.');
  next();
};

const methodNotAllowed: RequestHandler = (_req, res) => {
  res.set('Allow', 'POST');
  throw new HttpError(405, 'method_not_allowed', `Bot Framework posts activities to POST ${MESSAGES_PATH}.`);
};

/**
 * In local mode, whom a request comes from: a Host that is not this machine's is a page whose name
 * was rebound to 127.0.0.1 (DNS rebinding), an Origin that is not this machine's another site's
 * page posting through the browser. The emulators send a loopback Host and no Origin.
 */
const localCallersOnly: RequestHandler = (req, _res, next) => {
  const host = req.get('host') ?? '';
  // "127.0.0.1:3978", "[::1]:3978", "localhost": the name without its port.
  const hostname = host.replace(/:\d+$/, '');
  if (!isLoopbackHost(hostname)) throw new HttpError(403, 'host_refused', 'In local mode the endpoint answers only requests addressed to this machine.');
  const origin = req.get('origin');
  if (origin !== undefined && !isLoopbackUrl(origin)) throw new HttpError(403, 'origin_refused', 'In local mode the endpoint answers no other site.');
  next();
};

/**
 * POST /api/messages: the Bot Framework endpoint. Authentication failures answer 401 (or 503
 * when the token could not be checked) with a fixed body, so nothing internal leaks; the
 * reasons go to the log. Errors during the turn are left to the server's error handler.
 */
export function messagesRouter(deps: MessagesRouteDeps): Router {
  const router = Router();
  const gate = createAuthGate(deps.auth, { log: deps.log, timeoutMs: deps.authTimeoutMs });
  const callers: RequestHandler = deps.local ? localCallersOnly : (_req, _res, next) => next();
  // The JSON parser sits on this route only: Bolt's receiver needs the raw body of its own routes.
  router.post(MESSAGES_PATH, callers, requireJson, jsonBody(BODY_LIMIT), async (req, res) => {
    const parsed = inboundActivitySchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, 'bad_activity', 'The body is not a Bot Framework activity.');
    // The schema checked what this route relies on; botbuilder reads the rest as it always does.
    const activity = parsed.data as unknown as Activity;
    if (deps.local && !isLoopbackUrl(activity.serviceUrl)) {
      // Unauthenticated, the bot would post wherever a request told it to.
      throw new HttpError(403, 'service_url_refused', 'In local mode the bot replies only to a serviceUrl on this machine.');
    }
    const authHeader = req.get('authorization') ?? '';
    const outcome = await gate.authenticate(activity, authHeader);
    if (!outcome.ok) {
      refuse(res, outcome, deps.log);
      return;
    }
    const invokeResponse = await deps.adapter.runTurn(outcome.result, activity, (context) => deps.bot.run(context));
    res.status(invokeResponse?.status ?? 200);
    if (invokeResponse?.body === undefined) res.end();
    else res.json(invokeResponse.body);
  });
  router.all(MESSAGES_PATH, methodNotAllowed);
  return router;
}

function refuse(res: Response, outcome: Exclude<GatedOutcome, { ok: true }>, log: Logger): void {
  const { reason, detail } = outcome;
  if (reason === 'unavailable') {
    // The gate logged the cause, once; a flood of requests meanwhile logs nothing more.
    res.set('Retry-After', String('retryAfterSeconds' in outcome ? outcome.retryAfterSeconds : 30));
    sendError(res, new HttpError(503, 'auth_unavailable', 'The request could not be authenticated right now.'));
    return;
  }
  log.warn('teams_auth_rejected', { detail });
  res.set('WWW-Authenticate', 'Bearer');
  sendError(res, new HttpError(401, 'unauthorized', 'Unauthorized.'));
}
