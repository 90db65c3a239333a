import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerMessage, askInConversation, questionFrom, type SlackDeps } from './answer-message';
import { postIn, replySafely } from './reply';

type EventArgs<Type extends string> = SlackEventMiddlewareArgs<Type> & AllMiddlewareArgs;

// DM channel ids start with D: a mention there also arrives as a direct message, answered once.
const isDirectMessageChannel = (channel: string) => channel.startsWith('D');

/** `@bot question` in a channel: the answer goes into the thread of that message. */
export function onAppMention({ engine, log, store }: SlackDeps) {
  return async ({ event, body, client }: EventArgs<'app_mention'>): Promise<void> => {
    // Other bots' messages and edits are not questions (and answering bots could loop).
    if (event.bot_id || event.edited || event.subtype || isDirectMessageChannel(event.channel)) return;
    const ids = { kind: 'app_mention', eventId: body.event_id, teamId: body.team_id, channel: event.channel, user: event.user, ts: event.ts };
    const threadTs = event.thread_ts ?? event.ts;
    const ask = askInConversation(engine, store, { team: body.team_id, channel: event.channel, threadTs });
    await replySafely(log, ids, postIn(client, event.channel, threadTs), () => answerMessage(engine, questionFrom(event.text), { ask }));
  };
}

/** A direct message to the bot: the answer in the DM (in its thread, if it was asked in one). */
export function onDirectMessage({ engine, log, store }: SlackDeps) {
  return async ({ message, body, client }: EventArgs<'message'>): Promise<void> => {
    // A subtype marks edits, deletions, joins and bot posts: only plain messages from people are questions.
    if (message.subtype !== undefined || message.channel_type !== 'im' || message.bot_id) return;
    const ids = { kind: 'message.im', eventId: body.event_id, teamId: body.team_id, channel: message.channel, user: message.user, ts: message.ts };
    const ask = askInConversation(engine, store, { team: body.team_id, channel: message.channel, threadTs: message.thread_ts });
    const reply = postIn(client, message.channel, message.thread_ts);
    await replySafely(log, ids, reply, () => answerMessage(engine, questionFrom(message.text ?? ''), { ask }));
  };
}
