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
export async function answerRequest({ log, limit }: SlackDeps, request: SlackRequest, build: () => SlackReply | Promise<SlackReply>): Promise<void> {
  const startedAt = performance.now();
  const { ids, reply, audience } = request;
  const verdict = await limit(`${ids.teamId ?? ''}:${ids.user ?? ''}`, audience);
  if (verdict !== 'answer') {
    log.warn('slack_rate_limited', { ...ids, told: verdict === 'slow-down' });
    metrics.responded(429);
    if (verdict === 'slow-down') await replySafely(log, ids, reply, () => ({ messages: [{ text: SLOW_DOWN }] }));
    return;
  }
  const sent = await replySafely(log, ids, reply, build);
  if (sent?.answer) logAnswer(log, { surface: 'slack', ids, answer: sent.answer, startedAt });
  else if (sent) log.info('slack_usage_shown', ids);
}
