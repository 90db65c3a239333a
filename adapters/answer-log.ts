import type { Answer } from '../src';
import type { Logger } from './logger';
import { metrics } from './metrics';

export interface AnswerLogEntry {
  surface: 'web' | 'api' | 'slack' | 'teams';
  /** The platform's ids of the request: team, channel, user, conversation, event. Never tokens. */
  ids: Record<string, string | undefined>;
  answer: Answer;
  startedAt: number;
}

/**
 * One structured line per answered request, and its count and latency in the metrics. The logger
 * writes the question's words only when configured to (LOG_QUESTIONS=true): by default the log
 * says what was asked about, not who typed what.
 */
export function logAnswer(log: Logger, entry: AnswerLogEntry): void {
  const { answer } = entry;
  const durationMs = performance.now() - entry.startedAt;
  metrics.answered(entry.surface, answer, durationMs / 1000);
  log.info('answered', {
    surface: entry.surface,
    ...entry.ids,
    intent: answer.intent,
    status: answer.status,
    rules: answer.rules.length,
    durationMs: Math.round(durationMs * 100) / 100,
    question: answer.question,
  });
}
