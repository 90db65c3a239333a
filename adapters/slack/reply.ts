import type { AckFn, RespondArguments, RespondFn, webApi } from '@slack/bolt';
import type { Answer, SlackMessage } from '../../src';
import type { Logger } from '../logger';
import { metrics } from '../metrics';
import type { RequestIds } from './request-ids';
import { withRetries } from './retry-policy';

/** What a reply carries: the rendered message, or just text. */
export type ReplyMessage = Pick<SlackMessage, 'text'> & Partial<Pick<SlackMessage, 'blocks'>>;

/** Sends one message to wherever the question came from. */
export type Reply = (message: ReplyMessage) => Promise<unknown>;

/** What answering one request produced: the engine's answer (none for the usage) and its messages, in order. */
export interface SlackReply {
  answer?: Answer;
  messages: ReplyMessage[];
}

export const SORRY: ReplyMessage = { text: 'Sorry, something went wrong. Please try again in a moment.' };

/** Posts in a conversation, in the given thread when there is one; never unfurls links. */
export function postIn(client: webApi.WebClient, channel: string, threadTs?: string): Reply {
  return (message) =>
    withRetries(() =>
      client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...message, unfurl_links: false, unfurl_media: false }),
    );
}

/** Answers through a response_url: only the user sees it, unless it is shared into the channel. */
export function respondVia(respond: RespondFn, visibility: 'ephemeral' | 'in_channel'): Reply {
  return (message) => withRetries(() => respond({ response_type: visibility, replace_original: false, ...message }));
}

/**
 * A slash command's reply: the first message is the acknowledgement itself (private), any further
 * one (the parts of an export, or "Sorry" after a failure) goes privately through the response_url.
 */
export function acknowledgeThenRespond(ack: AckFn<string | RespondArguments>, respond: RespondFn): Reply {
  let acknowledged = false;
  const later = respondVia(respond, 'ephemeral');
  return async (message) => {
    if (acknowledged) return later(message);
    acknowledged = true;
    return ack({ response_type: 'ephemeral', ...message });
  };
}

/**
 * Builds a reply and sends its messages in order. If anything fails, the error is logged with the
 * request's ids and the user gets "Sorry, something went wrong" in the same place: never a stack
 * trace or a token. Resolves with what was sent, or undefined when it failed.
 */
export async function replySafely(log: Logger, ids: RequestIds, reply: Reply, build: () => SlackReply | Promise<SlackReply>): Promise<SlackReply | undefined> {
  let sending = false;
  try {
    const built = await build();
    sending = true;
    for (const message of built.messages) await reply(message);
    return built;
  } catch (error) {
    log.error('slack_reply_failed', { ...ids, error: describeError(error) });
    if (sending) metrics.outboundFailed('slack');
    await reply(SORRY).catch((again: unknown) => log.error('slack_sorry_failed', { ...ids, error: describeError(again) }));
    return undefined;
  }
}

/** An error as log fields: what and where, from Slack's error code when there is one. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}), stack: error.stack };
}
