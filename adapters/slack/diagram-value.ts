import { z } from 'zod';
import { conversationContextSchema, withoutSlackMarkup, type ConversationContext } from '../../src';

// The question, and the context its answer left in the conversation (the slots' ids, as the store keeps them).
const diagramValueSchema = z.object({ question: z.string(), context: conversationContextSchema });

/**
 * What "Show diagram" under an answer in a thread or DM carries: its question with the context its
 * answer left. Read in that context the question gives that answer again, however far the thread has
 * moved on since; read in the thread's latest context, a fragment ("and in exclusive?") could take
 * what a later message said ("only inbound") and draw other flows than the answer beside it.
 */
export function diagramValueOf(question: string, context: ConversationContext): string {
  // Without mentions, as every button's question: the engine reads past them anyway.
  return JSON.stringify({ question: withoutSlackMarkup(question), context });
}

/** A button's value: the question and its context, or (a slash command's answer, an older message) the question alone. */
export function readDiagramValue(value: string): { question: string; context?: ConversationContext } {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return { question: value };
  }
  const parsed = diagramValueSchema.safeParse(json);
  return parsed.success ? parsed.data : { question: value };
}
