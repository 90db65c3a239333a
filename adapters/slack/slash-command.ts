import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerMessage, questionFrom, type SlackDeps } from './answer-message';
import { replySafely, type Reply } from './reply';

/**
 * `/dlo-ports QUESTION`: the answer is the acknowledgement itself (the engine answers in well under
 * Slack's 3 seconds), visible only to the caller, with a button that shares it in the channel.
 * Each command stands alone, so that sharing it can ask it again.
 */
export function onSlashCommand({ engine, log }: SlackDeps) {
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const ids = { kind: 'command', command: command.command, teamId: command.team_id, channel: command.channel_id, user: command.user_id };
    const reply: Reply = (message) => ack({ response_type: 'ephemeral', ...message });
    await replySafely(log, ids, reply, () => answerMessage(engine, questionFrom(command.text), { share: true }));
  };
}
