import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { StateHealth } from './state/redis-link';

/** What is counted: the surfaces that answer, and the calls out that can fail. */
export type MetricSurface = 'web' | 'api' | 'slack' | 'teams';
export type OutboundTarget = 'slack' | 'bot_framework';

/** The refusals worth watching: unauthenticated, forbidden, too large, too many. */
const REJECTED_STATUSES = new Set([401, 403, 413, 429]);

/**
 * The server's Prometheus metrics (prom-client), in a registry of their own. Counting is always
 * on (a counter increment costs next to nothing); GET /metrics and the default process metrics
 * (event-loop lag, memory, CPU) only with METRICS=true.
 */
export function createMetrics() {
  const registry = new Registry();
  const answers = new Counter({ name: 'dlo_answers_total', help: 'Answers, by surface, status and intent.', labelNames: ['surface', 'status', 'intent'], registers: [registry] });
  const latency = new Histogram({
    name: 'dlo_answer_duration_seconds',
    help: 'Time to answer a question, by surface.',
    labelNames: ['surface'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const rejected = new Counter({ name: 'dlo_rejected_requests_total', help: 'Requests refused, by reason (HTTP status, or 429 for a chat user over the limit).', labelNames: ['reason'], registers: [registry] });
  const outbound = new Counter({ name: 'dlo_outbound_failures_total', help: 'Calls to Slack or the Bot Framework connector that failed.', labelNames: ['target'], registers: [registry] });
  let stateHealth: () => StateHealth = () => ({ status: 'memory' });
  new Gauge({
    name: 'dlo_shared_state_up',
    help: 'Redis shared state: 1 up, 0 degraded (per-process state); absent without REDIS_URL.',
    registers: [registry],
    collect() {
      const health = stateHealth();
      if (health.status === 'memory') this.reset();
      else this.set(health.status === 'shared' ? 1 : 0);
    },
  });
  let defaultsOn = false;
  return {
    registry,
    answered(surface: MetricSurface, answer: { status: string; intent: string }, seconds: number) {
      answers.inc({ surface, status: answer.status, intent: answer.intent });
      latency.observe({ surface }, seconds);
    },
    /** Counts a response by its status when it is one of the refusals watched. */
    responded(status: number) {
      if (REJECTED_STATUSES.has(status)) rejected.inc({ reason: String(status) });
    },
    outboundFailed(target: OutboundTarget) {
      outbound.inc({ target });
    },
    watchState(health: () => StateHealth) {
      stateHealth = health;
    },
    /** The process metrics, collected from now on (they run a timer of their own). */
    collectDefaults() {
      if (defaultsOn) return;
      defaultsOn = true;
      collectDefaultMetrics({ register: registry });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The process's metrics: one registry for every surface, as Prometheus scrapes one process. */
export const metrics: Metrics = createMetrics();
