import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerMessages, askInConversation, questionFrom, type SlackDeps } from './answer-message';
import { answerRequest } from './answer-request';
import { postIn } from './reply';
import { requestIds } from './request-ids';

type EventArgs<Type extends string> = SlackEventMiddlewareArgs<Type> & AllMiddlewareArgs;

// DM channel ids start with D: a mention there also arrives as a direct message, answered once.
const isDirectMessageChannel = (channel: string) => channel.startsWith('D');

/** `@bot question` in a channel: the answer goes into the thread of that message. */
export function onAppMention(deps: SlackDeps) {
  return async ({ event, body, client }: EventArgs<'app_mention'>): Promise<void> => {
    // Other bots' messages and edits are not questions (and answering bots could loop). A mention
    // without text (an attachment only, or a client that leaves it out) is "@bot" alone: the usage.
    if (event.bot_id || event.edited || event.subtype || isDirectMessageChannel(event.channel)) return;
    const threadTs = event.thread_ts ?? event.ts;
    const ask = askInConversation(deps.engine, deps.store, { team: body.team_id, channel: event.channel, threadTs });
    const request = { ids: requestIds(body), reply: postIn(client, event.channel, threadTs), audience: 'everyone' } as const;
    await answerRequest(deps, request, () => answerMessages(deps.engine, questionFrom(event.text ?? ''), { ask }));
  };
}

/** A direct message to the bot: the answer in the DM (in its thread, if it was asked in one). */
export function onDirectMessage(deps: SlackDeps) {
  return async ({ message, body, client }: EventArgs<'message'>): Promise<void> => {
    // A subtype marks edits, deletions, joins and bot posts: only plain messages from people are questions.
    if (message.subtype !== undefined || message.channel_type !== 'im' || message.bot_id) return;
    const ask = askInConversation(deps.engine, deps.store, { team: body.team_id, channel: message.channel, threadTs: message.thread_ts });
    const request = { ids: requestIds(body), reply: postIn(client, message.channel, message.thread_ts), audience: 'everyone' } as const;
    await answerRequest(deps, request, () => answerMessages(deps.engine, questionFrom(message.text ?? ''), { ask }));
  };
}
