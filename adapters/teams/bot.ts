import { ActivityHandler, CardFactory, TurnContext, type Activity } from 'botbuilder';
import { askSubmitSchema, exportAnswer, partLabel, renderAdaptiveCards, renderWelcomeCard, splitExport, type AdaptiveCard, type Answer, type Engine } from '../../src';
import { logAnswer } from '../answer-log';
import { converseIn, createMemoryStore, type ConversationStore } from '../conversation-store';
import type { Logger } from '../logger';
import { createRateLimiter, SLOW_DOWN, type RateLimiter } from '../rate-limit';

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
    if (!limiter.take(conversation)) {
      log.warn('teams_rate_limited', ids);
      await context.sendActivity(SLOW_DOWN);
      return;
    }
    const answer = converseIn(engine, store, conversation, questionOf(activity));
    await context.sendActivities(renderAdaptiveCards(answer).map(cardActivity));
    if (answer.format && answer.status === 'answered') await context.sendActivities(exportActivities(answer, engine));
    logAnswer(log, { surface: 'teams', ids, answer, startedAt });
    await next();
  });
  bot.onMembersAdded(async (context, next) => {
    const { membersAdded, recipient } = context.activity;
    // A peer may send anything here (not a list, nulls in it): only a member that is the bot welcomes.
    const added: unknown[] = Array.isArray(membersAdded) ? membersAdded : [];
    const isBot = (member: unknown) => typeof member === 'object' && member !== null && (member as { id?: unknown }).id === recipient?.id;
    if (recipient?.id !== undefined && added.some(isBot)) {
      await context.sendActivity(cardActivity(renderWelcomeCard(engine.catalog)));
    }
    await next();
  });
  return bot;
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
  return parts.map((part, i) => ({
    type: 'message',
    textFormat: 'markdown',
    // A fence longer than any run of backticks in the content cannot be closed by it.
    text: `**${file.filename}**${partLabel(i, parts.length)}\n\n${fence(part)}\n${part.replace(/\n$/, '')}\n${fence(part)}`,
  }));
}

function fence(content: string): string {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

function cardActivity(card: AdaptiveCard): Partial<Activity> {
  return {
    type: 'message',
    // Notifications and clients without cards show the summary.
    summary: card.fallbackText.split('\n', 1)[0],
    attachments: [CardFactory.adaptiveCard(card)],
  };
}
