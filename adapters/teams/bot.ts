import { ActivityHandler, CardFactory, TurnContext, type Activity } from 'botbuilder';
import { askSubmitSchema, diagramSubmitSchema, exportAnswer, partLabel, renderAdaptiveCards, renderWelcomeCard, splitExport, type AdaptiveCard, type Answer, type Engine } from '../../src';
import { logAnswer } from '../answer-log';
import { conversedIn, createMemoryStore, type ConversationStore } from '../conversation-store';
import type { Logger } from '../logger';
import { metrics } from '../metrics';
import { createRateLimiter, SLOW_DOWN, type RateLimiter } from '../rate-limit';
import { readerFor } from '../read-aside';
import { diagramActivity } from './diagram-reply';

export interface BotOptions {
  log: Logger;
  store?: ConversationStore;
  limiter?: RateLimiter;
  /** Tenants allowed to ask; undefined: every tenant. */
  allowedTenants?: Set<string>;
}

/**
 * The bot's behaviour: a message (or a suggestion button's submit) is a question for the engine,
 * answered with Adaptive Cards; being added to a chat or team posts the welcome.
 * Replies go to the incoming activity, so in a channel they stay in its thread.
 */
export function createBot(engine: Engine, options: BotOptions): ActivityHandler {
  const { log, store = createMemoryStore(), limiter = createRateLimiter(), allowedTenants } = options;
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    const startedAt = performance.now();
    const { activity } = context;
    const ids = { tenant: tenantOf(activity), conversation: activity.conversation.id, user: activity.from?.aadObjectId ?? activity.from?.id, activity: activity.id };
    if (allowedTenants && !allowedTenants.has(ids.tenant ?? '')) {
      log.warn('teams_tenant_refused', ids);
      return;
    }
    // One context and one limit per conversation; a channel's reply chain has its own conversation id.
    const conversation = `teams:${activity.conversation.id}`;
    if (!(await limiter.take(conversation))) {
      log.warn('teams_rate_limited', ids);
      metrics.responded(429);
      await send(context, [{ type: 'message', text: SLOW_DOWN }]);
      return;
    }
    const diagram = diagramSubmitSchema.safeParse(activity.value);
    if (diagram.success) {
      // "Show diagram": the question read in the context its answer left (or, from an older card, the
      // conversation's), which the picture leaves as it was.
      const { answer } = await readerFor(engine).converse(diagram.data.question, diagram.data.context ?? (await store.get(conversation)));
      await send(context, [await diagramActivity(engine, answer)]);
      logAnswer(log, { surface: 'teams', ids, answer, startedAt });
      await next();
      return;
    }
    const { answer, context: left } = await conversedIn(engine, store, conversation, questionOf(activity));
    await send(context, renderAdaptiveCards(answer, undefined, { diagramContext: left }).map((card) => cardActivity(card, answer.summary)));
    if (answer.format && answer.status === 'answered') await send(context, exportActivities(answer, engine));
    logAnswer(log, { surface: 'teams', ids, answer, startedAt });
    await next();
  });
  bot.onMembersAdded(async (context, next) => {
    const { membersAdded, recipient } = context.activity;
    // A peer may send anything here (not a list, nulls in it): only a member that is the bot welcomes.
    const added: unknown[] = Array.isArray(membersAdded) ? membersAdded : [];
    const isBot = (member: unknown) => typeof member === 'object' && member !== null && (member as { id?: unknown }).id === recipient?.id;
    if (recipient?.id !== undefined && added.some(isBot)) {
      const welcome = renderWelcomeCard(engine.catalog);
      await send(context, [cardActivity(welcome, welcome.fallbackText.split('\n', 1)[0])]);
    }
    await next();
  });
  return bot;
}

/** Sends to the Bot Framework connector; a failure is counted, then left to the turn's error handler. */
async function send(context: TurnContext, activities: Partial<Activity>[]): Promise<void> {
  try {
    await context.sendActivities(activities);
  } catch (error) {
    metrics.outboundFailed('bot_framework');
    throw error;
  }
}

/** The tenant a Teams activity comes from (Teams puts it in the conversation and in channelData). */
function tenantOf(activity: Activity): string | undefined {
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return activity.conversation.tenantId ?? (typeof channelTenant === 'string' ? channelTenant : undefined);
}

/** The question a message asks: a suggestion button's, or the text without the bot's @mention. */
export function questionOf(activity: Activity): string {
  const submit = askSubmitSchema.safeParse(activity.value);
  if (submit.success) return submit.data.question;
  if (typeof activity.text !== 'string') return '';
  try {
    return TurnContext.removeRecipientMention(activity) ?? activity.text;
  } catch {
    // A mention entity without `mentioned` breaks botbuilder's helper; the engine strips <at> tags itself.
    return activity.text;
  }
}

// Teams refuses messages near 28 KB (counted in UTF-16): parts of 12,000 characters stay well under.
const EXPORT_PART_CHARS = 12_000;

/** "export ... as CSV": the export as code blocks, in as many labelled messages as it takes. */
function exportActivities(answer: Answer, engine: Engine): Partial<Activity>[] {
  const file = exportAnswer(answer, engine.catalog);
  const parts = splitExport(file.content, EXPORT_PART_CHARS);
  return parts.map((part, i) => {
    const title = `${file.filename}${partLabel(i, parts.length)}`;
    // The message's lines end in LF: a CSV's or script's CRLF inside it would show as stray characters.
    const code = part.replace(/\r\n/g, '\n').replace(/\n$/, '');
    return {
      type: 'message',
      textFormat: 'markdown',
      // Notifications and previews show this instead of the raw Markdown.
      summary: title,
      // A fence longer than any run of backticks in the content cannot be closed by it.
      text: `**${title}**\n\n${fence(part)}\n${code}\n${fence(part)}`,
    };
  });
}

function fence(content: string): string {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

function cardActivity(card: AdaptiveCard, summary: string): Partial<Activity> {
  return {
    type: 'message',
    // Notifications and previews show the summary: the answer itself ("12 rules in occasional BOI."),
    // not the question echoed back.
    summary: summary.trim() || card.fallbackText.split('\n', 1)[0],
    attachments: [CardFactory.adaptiveCard(card)],
  };
}
