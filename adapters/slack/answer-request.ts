import { logAnswer } from '../answer-log';
import { metrics } from '../metrics';
import { SLOW_DOWN } from '../rate-limit';
import type { SlackDeps } from './answer-message';
import type { Audience } from './ask-limit';
import { replySafely, type Reply, type SlackReply } from './reply';
import type { RequestIds } from './request-ids';

/** One question to answer: its ids, where the reply goes, and who sees it there. */
export interface SlackRequest {
  ids: RequestIds;
  reply: Reply;
  audience: Audience;
}

/**
 * Every path (mention, DM, command, button) ends here: within the asker's per-minute limit, the
 * reply is built and sent, failures are caught, and one log line says what was answered.
 */
export async function answerRequest(deps: SlackDeps, request: SlackRequest, build: () => SlackReply | Promise<SlackReply>): Promise<void> {
  const startedAt = performance.now();
  const { log } = deps;
  const { ids, reply, audience } = request;
  const slowDown = () => replySafely(log, ids, reply, () => ({ messages: [{ text: SLOW_DOWN }] }));
  if (!(await withinAskLimit(deps, ids, audience, slowDown))) return;
  const sent = await replySafely(log, ids, reply, build);
  if (sent?.answer) logAnswer(log, { surface: 'slack', ids, answer: sent.answer, startedAt });
  else if (sent) log.info('slack_usage_shown', ids);
}

/**
 * Whether the asker is within their per-minute limit (and this request counts against it). Over it,
 * the refusal is logged and counted, and `slowDown` tells them when the limit says to.
 */
export async function withinAskLimit({ log, limit }: SlackDeps, ids: RequestIds, audience: Audience, slowDown: () => Promise<unknown>): Promise<boolean> {
  const verdict = await limit(`${ids.teamId ?? ''}:${ids.user ?? ''}`, audience);
  if (verdict === 'answer') return true;
  log.warn('slack_rate_limited', { ...ids, told: verdict === 'slow-down' });
  metrics.responded(429);
  if (verdict === 'slow-down') await slowDown();
  return false;
}
