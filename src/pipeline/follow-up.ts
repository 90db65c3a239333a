import { z } from 'zod';
import type { Reading } from './read-question';

/**
 * What a conversation remembers of its last understood question: its slots, never its words.
 * Serializable, so that a shared store could hold it.
 */
export const conversationContextSchema = z.object({
  components: z.array(z.object({ id: z.string(), role: z.enum(['source', 'destination']).optional(), between: z.boolean() })),
  modes: z.array(z.object({ id: z.string(), role: z.enum(['from', 'to']).optional() })),
  modeGroups: z.array(z.string()),
  services: z.array(z.string()),
  protocols: z.array(z.string()),
  transports: z.array(z.string()),
  ports: z.array(z.object({ from: z.number(), to: z.number() })),
  direction: z.enum(['in', 'out']).optional(),
  format: z.enum(['csv', 'markdown', 'json', 'powershell']).optional(),
  asksYesNo: z.boolean(),
  diff: z.boolean(),
  everything: z.boolean(),
  /** The last answer asked to clarify: the next message completes that question. */
  pending: z.boolean(),
});
export type ConversationContext = z.infer<typeof conversationContextSchema>;

const namesSubject = (r: Reading) => r.components.length + r.services.length + r.ports.length + r.vagueNouns.length > 0 || r.cues.has('everything');
const namesAnySlot = (r: Reading) =>
  namesSubject(r) || r.modes.length + r.modeGroups.length + r.protocols.length + r.transports.length > 0 || Boolean(r.direction || r.format);

/** Whether a question continues the conversation rather than standing alone. */
export function continuesConversation(reading: Reading, context: ConversationContext | undefined): context is ConversationContext {
  if (!context || reading.cues.has('reset')) return false;
  return context.pending || reading.followsUp || (!namesSubject(reading) && namesAnySlot(reading));
}

/** The follow-up's own slots, and the context's for every slot it leaves unnamed. */
export function mergeReading(context: ConversationContext, reading: Reading): Reading {
  const merged: Reading = { ...reading, cues: new Set(reading.cues) };
  if (!namesSubject(reading)) {
    merged.components = context.components;
    merged.services = context.services;
    merged.ports = context.ports;
    if (context.everything) merged.cues.add('everything');
  }
  if (reading.protocols.length + reading.transports.length === 0) {
    merged.protocols = context.protocols;
    merged.transports = context.transports;
  }
  if (reading.modes.length + reading.modeGroups.length === 0) {
    merged.modes = context.modes;
    merged.modeGroups = context.modeGroups;
  } else if (context.pending && context.diff) {
    // "which mode do you move from?" — "from occasional": the answer adds to the modes asked about.
    merged.modes = [...context.modes, ...reading.modes.filter((m) => !context.modes.some((c) => c.id === m.id))];
  }
  merged.direction = reading.direction ?? context.direction;
  merged.format = reading.format ?? context.format;
  // "and in exclusive?" after "is 8009 needed in non-BOI?" is still a yes/no question.
  const ownIntent = reading.asksYesNo || (reading.asksWh && !reading.followsUp) || reading.cues.has('diff') || reading.cues.has('explain');
  if (!ownIntent) {
    merged.asksYesNo = context.asksYesNo;
    if (context.diff) merged.cues.add('diff');
  }
  return merged;
}

/** The context a conversation keeps after this question. */
export function contextOf(reading: Reading, pending: boolean): ConversationContext {
  return {
    components: reading.components,
    modes: reading.modes,
    modeGroups: reading.modeGroups,
    services: reading.services,
    protocols: reading.protocols,
    transports: reading.transports,
    ports: reading.ports,
    ...(reading.direction ? { direction: reading.direction } : {}),
    ...(reading.format ? { format: reading.format } : {}),
    asksYesNo: reading.asksYesNo,
    diff: reading.cues.has('diff'),
    everything: reading.cues.has('everything'),
    pending,
  };
}
