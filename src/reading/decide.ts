import { clarifyReasons, type Query } from './query';

/** How many slots name what is asked about: components, ports, services, conditions. */
export function subjectCount(query: Query): number {
  return query.components.length + query.ports.length + query.services.length + query.conditions.length;
}

/** How many slots select rules: the subjects, and the protocols and transports that filter them. */
export function selectorCount(query: Query): number {
  return subjectCount(query) + query.protocols.length + query.transports.length;
}

const CLARIFY: ReadonlySet<string> = new Set(clarifyReasons);

/**
 * What the engine does with a Query: answer it (and with which of the contract's intents), ask
 * back (clarify) or say it does not know. A pure function of the Query, so that a follow-up
 * merged with the question before it is decided the same way.
 */
export function decide(query: Query): Pick<Query, 'status' | 'intent' | 'reason'> {
  const selectors = selectorCount(query);
  const namesModes = query.modes.some((m) => m.how !== 'all');
  if (query.reset && !selectors && !namesModes) return { status: 'answered', intent: 'help' };
  if (query.foreignPorts.length) return { status: 'unknown', intent: 'help', reason: 'foreign-port' };
  if (query.foreign.length) return { status: 'unknown', intent: 'help', reason: 'foreign-subject' };
  if (query.topic) return { status: 'unknown', intent: 'help', reason: 'off-matrix' };
  if (query.reason && CLARIFY.has(query.reason)) return { status: 'clarify', intent: 'help', reason: query.reason };
  if (query.ask === 'change') return query.change ? { status: 'answered', intent: 'diff' } : { status: 'clarify', intent: 'help', reason: 'diff-needs-two-modes' };
  // "which TCP ports does the server need?": a transport filters, it does not say which server.
  if (query.vagueNoun && !subjectCount(query)) return { status: 'clarify', intent: 'help', reason: 'which-component' };
  if (query.ask === 'explain') return { status: 'answered', intent: 'explain' };
  if (query.ask === 'check') return selectors ? { status: 'answered', intent: 'check' } : { status: 'clarify', intent: 'help', reason: 'check-needs-subject' };
  if (!selectors && !namesModes && !query.everything) {
    if (query.ask === 'help') return { status: 'answered', intent: 'help' };
    if (query.ask === 'none') return { status: 'unknown', intent: 'help', reason: 'off-topic' };
    return { status: 'clarify', intent: 'help', reason: 'nothing-selected' };
  }
  const intent =
    query.components.length > 1 && !query.apart ? 'pair'
    : query.components.length ? 'component'
    : query.services.length || query.conditions.length ? 'service'
    : query.ports.length || query.protocols.length || query.transports.length ? 'port'
    : 'mode';
  return { status: 'answered', intent };
}
