import { exportAnswer, renderSlackExport, renderSlackHelp, renderSlackMessage, type Answer, type Engine, type SlackMessageOptions } from '../../src';
import { conversedIn, type ConversationStore } from '../conversation-store';
import { readerFor } from '../read-aside';
import type { OnceStore } from '../state/once-store';
import type { SurfaceDeps } from '../surface';
import type { AskLimit } from './ask-limit';
import { diagramValueOf } from './diagram-value';
import type { SlackReply } from './reply';

/**
 * What the listeners work with: the engine, the logger, the conversations of threads and DMs, the
 * per-user limit, what was already answered.
 */
export type SlackDeps = Pick<SurfaceDeps, 'engine' | 'log'> & {
  store: ConversationStore;
  limit: AskLimit;
  /** Event ids already delivered, and trigger ids of commands and clicks already answered. */
  events: OnceStore;
  replays: OnceStore;
};

/** The slash command, as the manifest declares it. */
export const SLASH_COMMAND = '/dlo-ports';

// Slack sends &, < and > as entities; they are decoded last, so that text typed as "<…>" stays text.
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };
// <https://host|label> and <mailto:…>: Slack's link markup, also added to host names it auto-links.
const LINK = /<(?![@#!])([^>|]+)(?:\|([^>]*))?>/g;

/**
 * The question in a Slack message's text, as the user typed it: links become the text they show;
 * mentions (<@U…>, <!here>) stay markup, which the engine strips itself.
 */
export function questionFrom(slackText: string): string {
  return slackText.replace(LINK, (_link, url: string, label?: string) => label || url).replace(/&(lt|gt|amp);/g, (entity) => ENTITIES[entity]);
}

/** Nothing but mentions, or "help": the usage message rather than a question. */
export function isHelpRequest(question: string): boolean {
  return /^(help|usage|\?)?$/i.test(question.replace(/<@[^>]*>/g, '').trim());
}

/** How a question reaches the engine: on its own (slash commands), or as the next message of a conversation. */
export type Ask = (question: string) => Asked | Promise<Asked>;

/** An answer, and in a conversation what its "Show diagram" button carries (diagram-value.ts). */
export interface Asked {
  answer: Answer;
  diagramValue?: string;
}

/** Where a conversation happens: a thread, or a DM outside threads. */
export interface SlackConversation {
  team?: string;
  channel: string;
  threadTs?: string;
}

/** A follow-up ("and in exclusive BOI?") takes what it leaves out from the questions before it in its conversation. */
export function askInConversation(engine: Engine, store: ConversationStore, conversation: SlackConversation): Ask {
  const key = conversationKey(conversation);
  return async (question) => {
    const { answer, context } = await conversedIn(engine, store, key, question);
    return context ? { answer, diagramValue: diagramValueOf(answer.question, context) } : { answer };
  };
}

/** Where a conversation's context is kept in the store. */
export const conversationKey = (conversation: SlackConversation) => `slack:${conversation.team ?? ''}:${conversation.channel}:${conversation.threadTs ?? 'main'}`;

/**
 * The Slack messages that answer one question (a message, a command or a button): the usage, or the
 * engine's answer; an answer that asked for a format ("as CSV") is followed by the export's parts.
 */
export async function answerMessages(engine: Engine, question: string, options: SlackMessageOptions & { ask?: Ask } = {}): Promise<SlackReply> {
  if (isHelpRequest(question)) return { messages: [renderSlackHelp(engine.catalog, SLASH_COMMAND)] };
  const { ask = async (alone: string): Promise<Asked> => ({ answer: await readerFor(engine).ask(alone) }), ...render } = options;
  const { answer, diagramValue } = await ask(question);
  if (diagramValue) render.diagramValue = diagramValue;
  if (!answer.format || answer.status !== 'answered') return { answer, messages: [renderSlackMessage(answer, render)] };
  return { answer, messages: renderSlackExport(answer, exportAnswer(answer, engine.catalog), render) };
}
