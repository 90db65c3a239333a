import { webApi, type AckFn, type RespondArguments, type RespondFn } from '@slack/bolt';
import type { Answer, SlackMessage } from '../../src';
import type { Logger } from '../logger';
import { metrics } from '../metrics';
import { SLASH_COMMAND } from './answer-message';
import type { RequestIds } from './request-ids';
import { withRetries } from './retry-policy';

/** What a reply carries: the rendered message, or just text. */
export type ReplyMessage = Pick<SlackMessage, 'text'> & Partial<Pick<SlackMessage, 'blocks'>>;

/** Where a message stands in its reply: the index of it, and how many the reply has. */
export interface ReplyPosition {
  index: number;
  count: number;
}

/** Sends one message to wherever the question came from. */
export type Reply = (message: ReplyMessage, position?: ReplyPosition) => Promise<unknown>;

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

// What chat.postMessage says where the bot is no member: a message shared from a slash command's
// answer in a channel the bot never joined, a DM between two people.
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

// Slack takes at most 5 messages through one response_url (within 30 minutes).
const RESPONSE_URL_USES = 5;

/** In place of the parts a response_url cannot carry: where to get the whole answer instead. */
export const TOO_MANY_PARTS: ReplyMessage = {
  text: `The rest does not fit in what Slack lets a button here send. For the whole answer, ask me in a direct message, or with ${SLASH_COMMAND}.`,
};

/**
 * A click on a message in a conversation: answered there with chat.postMessage (in its thread);
 * where Slack refuses that because the bot is no member, through the click's response_url, which
 * reaches any conversation the message is in. Once refused, the rest of the reply (further parts,
 * or the "Sorry") takes the response_url too.
 */
export function postOrRespond(client: webApi.WebClient, respond: RespondFn, channel: string, threadTs?: string): Reply {
  const post = postIn(client, channel, threadTs);
  const viaUrl = respondVia(respond, 'in_channel', threadTs);
  let notAMember = false;
  return async (message, position) => {
    if (!notAMember) {
      try {
        return await post(message);
      } catch (error) {
        if (!isNotAMember(error)) throw error;
        notAMember = true;
      }
    }
    return viaUrl(message, position);
  };
}

function isNotAMember(error: unknown): boolean {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== webApi.ErrorCode.PlatformError) return false;
  return NOT_A_MEMBER.has(String((error as webApi.WebAPIPlatformError).data.error));
}

/** Answers through a response_url: only the user sees it, unless it is shared into the channel. */
export function respondVia(respond: RespondFn, visibility: 'ephemeral' | 'in_channel', threadTs?: string): Reply {
  const thread = threadTs ? { thread_ts: threadTs } : {};
  let uses = 0;
  return async (message, position) => {
    // The last use Slack allows says where the rest is, rather than carrying one more part of it; nothing goes after it.
    if (uses >= RESPONSE_URL_USES) return undefined;
    uses += 1;
    const more = position !== undefined && position.index < position.count - 1;
    const sent = uses === RESPONSE_URL_USES && more ? TOO_MANY_PARTS : message;
    return withRetries(() => respond({ response_type: visibility, replace_original: false, ...thread, ...sent }));
  };
}

/**
 * A slash command's reply: the first message is the acknowledgement itself (private), any further
 * one (the parts of an export, or "Sorry" after a failure) goes privately through the response_url.
 */
export function acknowledgeThenRespond(ack: AckFn<string | RespondArguments>, respond: RespondFn): Reply {
  let acknowledged = false;
  const later = respondVia(respond, 'ephemeral');
  return async (message, position) => {
    if (acknowledged) return later(message, position && { index: position.index - 1, count: position.count - 1 });
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
    for (const [index, message] of built.messages.entries()) await reply(message, { index, count: built.messages.length });
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
