import type { RespondFn, webApi } from '@slack/bolt';
import type { SlackMessage } from '../../src';
import type { Logger } from '../logger';

/** What a reply carries: the rendered message, or just text. */
export type ReplyMessage = Pick<SlackMessage, 'text'> & Partial<Pick<SlackMessage, 'blocks'>>;

/** Sends one message to wherever the question came from. */
export type Reply = (message: ReplyMessage) => Promise<unknown>;

/** Request ids that let a log line be matched to a Slack request; never a token or a message text. */
export type RequestIds = Record<string, string | number | undefined>;

export const SORRY: ReplyMessage = { text: 'Sorry, something went wrong. Please try again in a moment.' };

/** Posts in a conversation, in the given thread when there is one; never unfurls links. */
export function postIn(client: webApi.WebClient, channel: string, threadTs?: string): Reply {
  return (message) =>
    client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...message, unfurl_links: false, unfurl_media: false });
}

/** Answers through a response_url: only the user sees it, unless it is shared into the channel. */
export function respondVia(respond: RespondFn, visibility: 'ephemeral' | 'in_channel'): Reply {
  return (message) => respond({ response_type: visibility, replace_original: false, ...message });
}

/**
 * Builds and sends one reply. If anything fails, the error is logged with the request's ids and
 * the user gets "Sorry, something went wrong" in the same place: never a stack trace or a token.
 */
export async function replySafely(log: Logger, ids: RequestIds, reply: Reply, build: () => ReplyMessage): Promise<void> {
  try {
    await reply(build());
  } catch (error) {
    log.error('slack_reply_failed', { ...ids, error: describeError(error) });
    await reply(SORRY).catch((again: unknown) => log.error('slack_sorry_failed', { ...ids, error: describeError(again) }));
  }
}

/** An error as log fields: what and where, from Slack's error code when there is one. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}), stack: error.stack };
}
