import { conversationContextSchema } from '../../src';
import { CONVERSATION_TTL_MS, createMemoryStore, type ConversationStore } from '../conversation-store';
import type { RedisLink } from './redis-link';

/**
 * Conversations in Redis, `${prefix}conversation:${surface}:${id}`, expiring after 30 minutes of
 * silence (a TTL set on each write). The value is the context's slots as JSON: the ids of modes,
 * components, ports the question named, never its words. Each write is also kept in this
 * process, which answers alone while Redis is down.
 */
export function redisConversationStore(link: RedisLink, ttlMs = CONVERSATION_TTL_MS): ConversationStore {
  const local = createMemoryStore({ ttlMs });
  const key = (conversation: string) => `${link.prefix}conversation:${conversation}`;
  return {
    get: (conversation) =>
      link.run(
        async (client) => {
          const value = await client.get(key(conversation));
          if (value === null) return undefined;
          // A value written by another version (or by hand) that no longer fits is no context, not a crash.
          const parsed = conversationContextSchema.safeParse(safeJson(value));
          return parsed.success ? parsed.data : undefined;
        },
        () => local.get(conversation),
      ),
    async set(conversation, context) {
      await local.set(conversation, context);
      await link.run(
        async (client) => {
          if (context) await client.set(key(conversation), JSON.stringify(context), 'PX', ttlMs);
          else await client.del(key(conversation));
        },
        () => undefined,
      );
    },
  };
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
