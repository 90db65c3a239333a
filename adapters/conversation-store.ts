import { LRUCache } from 'lru-cache';
import type { Answer, ConversationContext, Conversed, Engine } from '../src';
import { readerFor } from './read-aside';

/**
 * Where a surface keeps each conversation's context between messages: in this process, or shared
 * by every instance in Redis (adapters/state). Asynchronous for the shared one.
 */
export interface ConversationStore {
  get(conversation: string): Promise<ConversationContext | undefined>;
  /** Undefined forgets the conversation ("start over"). */
  set(conversation: string, context: ConversationContext | undefined): Promise<void>;
}

/** Silence after which a conversation's context is forgotten, in every store. */
export const CONVERSATION_TTL_MS = 30 * 60 * 1000;

export interface MemoryStoreOptions {
  /** Most conversations kept; the least recently used goes first. */
  maxConversations?: number;
  /** Silence after which a conversation's context is forgotten. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * An LRU in this process (lru-cache): bounded in size, forgetting after 30 minutes of silence.
 * Each context is kept as its JSON, as Redis keeps it: about 0.4 KB instead of 1.6 KB of objects
 * and arrays (10,000 conversations: about 4 MB instead of 16), and what a caller does to the
 * context it was given never changes the one kept.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): ConversationStore & { readonly size: number } {
  const entries = new LRUCache<string, string>({
    max: options.maxConversations ?? 10_000,
    ttl: options.ttlMs ?? CONVERSATION_TTL_MS,
    // ttlResolution 0: with an injected clock, lru-cache must not cache its reading.
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
  });
  return {
    get size() {
      return entries.size;
    },
    async get(conversation) {
      const kept = entries.get(conversation);
      return kept === undefined ? undefined : (JSON.parse(kept) as ConversationContext);
    },
    async set(conversation, context) {
      if (context) entries.set(conversation, JSON.stringify(context));
      else entries.delete(conversation);
    },
  };
}

/** Answers a message of a conversation, reading and writing its context in the store. */
export async function converseIn(engine: Engine, store: ConversationStore, conversation: string, question: string): Promise<Answer> {
  return (await conversedIn(engine, store, conversation, question)).answer;
}

/** converseIn, with the context the answer left: read in it, the same question gives the same answer. */
export async function conversedIn(engine: Engine, store: ConversationStore, conversation: string, question: string): Promise<Conversed> {
  const conversed = await readerFor(engine).converse(question, await store.get(conversation));
  await store.set(conversation, conversed.context);
  return conversed;
}
