import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderSlackCsv, renderSlackMessage } from '../../src';
import { answerMessage, askInConversation, type SlackConversation, type SlackDeps } from './answer-message';
import { postIn, replySafely, respondVia, type Reply, type ReplyMessage } from './reply';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** "Share in channel" under a slash command's private answer: the same answer, for everyone. */
export function onShare({ engine, log }: SlackDeps) {
  return button(log, ({ body, respond }) => ({
    reply: respondVia(respond, 'in_channel'),
    build: (question) => renderSlackMessage(engine.ask(question), { sharedBy: body.user.id }),
  }));
}

/** A suggestion or example button: asks its question where the button is, in that thread's conversation. */
export function onAskButton({ engine, log, store }: SlackDeps) {
  return button(log, (args) => {
    const { reply, conversation } = placeOf(args);
    // Privately (under a slash command's answer) it stands alone and can be shared, like the command.
    const options = conversation ? { ask: askInConversation(engine, store, conversation) } : { share: true };
    return { reply, build: (question) => answerMessage(engine, question, options) };
  });
}

/** "Show as CSV" under a table too long for Slack: the same rules as CSV (the question asked again on its own). */
export function onCsvButton({ engine, log }: SlackDeps) {
  return button(log, (args) => ({
    reply: placeOf(args).reply,
    build: (question) => renderSlackCsv(engine.ask(question)),
  }));
}

/** Every button carries its question as its value; it is acknowledged first, then answered. */
function button(log: SlackDeps['log'], handle: (args: ButtonArgs) => { reply: Reply; build: (question: string) => ReplyMessage }) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { body, action } = args;
    const ids = {
      kind: 'block_actions',
      actionId: action.action_id,
      teamId: body.team?.id,
      channel: body.channel?.id,
      user: body.user.id,
      messageTs: body.message?.ts,
    };
    const { reply, build } = handle(args);
    await replySafely(log, ids, reply, () => build(action.value ?? ''));
  };
}

/**
 * Where a clicked button is answered. A private (ephemeral) message can only be answered privately,
 * through its response_url; a posted one in its conversation and thread.
 */
function placeOf({ body, respond, client }: ButtonArgs): { reply: Reply; conversation?: SlackConversation } {
  if (body.container.is_ephemeral === true || !body.channel) return { reply: respondVia(respond, 'ephemeral') };
  const conversation = { team: body.team?.id, channel: body.channel.id, threadTs: body.message?.thread_ts };
  return { reply: postIn(client, conversation.channel, conversation.threadTs), conversation };
}
