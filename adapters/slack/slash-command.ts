import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerMessages, questionFrom, type SlackDeps } from './answer-message';
import { answerRequest } from './answer-request';
import { acknowledgeThenRespond } from './reply';
import { requestIds } from './request-ids';

/**
 * `/dlo-ports QUESTION`: the answer is the acknowledgement itself (the engine answers in well under
 * Slack's 3 seconds), visible only to the caller, with a button that shares it in the channel; an
 * export's parts follow privately through the response_url. Each command stands alone, so that
 * sharing it can ask it again.
 */
export function onSlashCommand(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const request = { ids: requestIds(command), reply: acknowledgeThenRespond(ack, respond), audience: 'asker' } as const;
    await answerRequest(deps, request, () => answerMessages(deps.engine, questionFrom(command.text), { share: true }));
  };
}
