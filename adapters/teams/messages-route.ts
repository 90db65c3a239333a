import { Router, type RequestHandler, type Response } from 'express';
import type { Activity, ActivityHandler, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { z } from 'zod';
import { HttpError, sendError } from '../http/http-error';
import { jsonBody } from '../http/json-body';
import type { Logger } from '../logger';
import { authenticate } from './authenticate';
import type { TeamsCloudAdapter } from './cloud-adapter';
import { isLoopbackUrl } from './loopback';

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
 * POST /api/messages: the Bot Framework endpoint. Authentication failures answer 401 (or 503
 * when the token could not be checked) with a fixed body, so nothing internal leaks; the
 * reasons go to the log. Errors during the turn are left to the server's error handler.
 */
export function messagesRouter(deps: MessagesRouteDeps): Router {
  const router = Router();
  // The JSON parser sits on this route only: Bolt's receiver needs the raw body of its own routes.
  router.post(MESSAGES_PATH, requireJson, jsonBody(BODY_LIMIT), async (req, res) => {
    const parsed = inboundActivitySchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, 'bad_activity', 'The body is not a Bot Framework activity.');
    // The schema checked what this route relies on; botbuilder reads the rest as it always does.
    const activity = parsed.data as unknown as Activity;
    if (deps.local && !isLoopbackUrl(activity.serviceUrl)) {
      // Unauthenticated, the bot would post wherever a request told it to.
      throw new HttpError(403, 'service_url_refused', 'In local mode the bot replies only to a serviceUrl on this machine.');
    }
    const authHeader = req.get('authorization') ?? '';
    const outcome = await authenticate(deps.auth, activity, authHeader, deps.authTimeoutMs);
    if (!outcome.ok) {
      refuse(res, outcome.reason, outcome.detail, deps.log);
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

function refuse(res: Response, reason: 'rejected' | 'unavailable', detail: string, log: Logger): void {
  if (reason === 'unavailable') {
    log.error('teams_auth_unavailable', { detail });
    res.set('Retry-After', '30');
    sendError(res, new HttpError(503, 'auth_unavailable', 'The request could not be authenticated right now.'));
    return;
  }
  log.warn('teams_auth_rejected', { detail });
  res.set('WWW-Authenticate', 'Bearer');
  sendError(res, new HttpError(401, 'unauthorized', 'Unauthorized.'));
}
