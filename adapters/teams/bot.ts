import { ActivityHandler, CardFactory, TurnContext, type Activity } from 'botbuilder';
import { askSubmitSchema, renderAdaptiveCards, renderWelcomeCard, type AdaptiveCard, type Engine } from '../../src';
import { converseIn, createMemoryStore, type ConversationStore } from '../conversation-store';

/**
 * The bot's behaviour: a message (or a suggestion button's submit) is a question for the engine,
 * answered with Adaptive Cards; being added to a chat or team posts the welcome.
 * Replies go to the incoming activity, so in a channel they stay in its thread.
 */
export function createBot(engine: Engine, store: ConversationStore = createMemoryStore()): ActivityHandler {
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    // One context per conversation; a channel's reply chain has its own conversation id.
    const answer = converseIn(engine, store, `teams:${context.activity.conversation.id}`, questionOf(context.activity));
    await context.sendActivities(renderAdaptiveCards(answer).map(cardActivity));
    await next();
  });
  bot.onMembersAdded(async (context, next) => {
    const { membersAdded = [], recipient } = context.activity;
    if (membersAdded.some((member) => member.id === recipient.id)) {
      await context.sendActivity(cardActivity(renderWelcomeCard(engine.catalog)));
    }
    await next();
  });
  return bot;
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

function cardActivity(card: AdaptiveCard): Partial<Activity> {
  return {
    type: 'message',
    // Notifications and clients without cards show the summary.
    summary: card.fallbackText.split('\n', 1)[0],
    attachments: [CardFactory.adaptiveCard(card)],
  };
}
