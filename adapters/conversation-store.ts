import type { Answer, ConversationContext, Engine } from '../src';

/**
 * Where a surface keeps each conversation's context between messages. Behind this interface so
 * that a shared store (Redis, say) could replace the in-process one when several replicas serve
 * one workspace.
 */
export interface ConversationStore {
  get(conversation: string): ConversationContext | undefined;
  /** Undefined forgets the conversation ("start over"). */
  set(conversation: string, context: ConversationContext | undefined): void;
}

export interface MemoryStoreOptions {
  /** Most conversations kept; the least recently used goes first. */
  maxConversations?: number;
  /** Silence after which a conversation's context is forgotten. */
  ttlMs?: number;
  now?: () => number;
}

/** An LRU in this process: bounded in size, forgetting after 30 minutes of silence. */
export function createMemoryStore(options: MemoryStoreOptions = {}): ConversationStore & { readonly size: number } {
  const max = options.maxConversations ?? 10_000;
  const ttl = options.ttlMs ?? 30 * 60 * 1000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, { context: ConversationContext; at: number }>();
  return {
    get size() {
      return entries.size;
    },
    get(conversation) {
      const entry = entries.get(conversation);
      if (!entry) return undefined;
      entries.delete(conversation);
      if (now() - entry.at > ttl) return undefined;
      entries.set(conversation, entry);
      return entry.context;
    },
    set(conversation, context) {
      entries.delete(conversation);
      if (!context) return;
      entries.set(conversation, { context, at: now() });
      while (entries.size > max) entries.delete(entries.keys().next().value as string);
    },
  };
}

/** Answers a message of a conversation, reading and writing its context in the store. */
export function converseIn(engine: Engine, store: ConversationStore, conversation: string, question: string): Answer {
  const { answer, context } = engine.converse(question, store.get(conversation));
  store.set(conversation, context);
  return answer;
}
