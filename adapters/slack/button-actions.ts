import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderSlackCsv } from '../../src';
import { readerFor } from '../read-aside';
import { answerMessages, askInConversation, type SlackConversation, type SlackDeps } from './answer-message';
import { answerRequest, type SlackRequest } from './answer-request';
import { postOrRespond, respondVia, type SlackReply } from './reply';
import { requestIds } from './request-ids';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Where a button is answered, and how its question becomes the reply. */
interface ButtonAnswer {
  place: Omit<SlackRequest, 'ids'>;
  build: (question: string) => SlackReply | Promise<SlackReply>;
}

/** "Share in channel" under a slash command's private answer: the same answer (and export), for everyone. */
export function onShare(deps: SlackDeps) {
  return button(deps, ({ body, respond }) => ({
    place: { reply: respondVia(respond, 'in_channel'), audience: 'everyone' },
    build: (question) => answerMessages(deps.engine, question, { sharedBy: body.user.id }),
  }));
}

/** A suggestion or example button: asks its question where the button is, in that thread's conversation. */
export function onAskButton(deps: SlackDeps) {
  return button(deps, (args) => {
    const { place, conversation } = placeOf(args);
    // Privately (under a slash command's answer) it stands alone and can be shared, like the command.
    const options = conversation ? { ask: askInConversation(deps.engine, deps.store, conversation) } : { share: true };
    return { place, build: (question) => answerMessages(deps.engine, question, options) };
  });
}

/** "Show as CSV" under a table too long for Slack: the same rules as CSV (the question asked again on its own). */
export function onCsvButton(deps: SlackDeps) {
  return button(deps, (args) => ({
    place: placeOf(args).place,
    build: async (question) => {
      const answer = await readerFor(deps.engine).ask(question);
      return { answer, messages: renderSlackCsv(answer) };
    },
  }));
}

/** Every button carries its question as its value; it is acknowledged first, then answered. */
function button(deps: SlackDeps, handle: (args: ButtonArgs) => ButtonAnswer) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { place, build } = handle(args);
    await answerRequest(deps, { ids: requestIds(args.body), ...place }, () => build(args.action.value ?? ''));
  };
}

/**
 * Where a clicked button is answered. A private (ephemeral) message can only be answered privately,
 * through its response_url; a posted one in its conversation and thread (through the response_url
 * where the bot may not post: a shared answer, a DM between two people).
 */
function placeOf({ body, respond, client }: ButtonArgs): { place: ButtonAnswer['place']; conversation?: SlackConversation } {
  if (body.container.is_ephemeral === true || !body.channel) return { place: { reply: respondVia(respond, 'ephemeral'), audience: 'asker' } };
  const conversation = { team: body.team?.id, channel: body.channel.id, threadTs: body.message?.thread_ts };
  return { place: { reply: postOrRespond(client, respond, conversation.channel, conversation.threadTs), audience: 'everyone' }, conversation };
}
