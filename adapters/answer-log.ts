import type { Answer } from '../src';
import type { Logger } from './logger';

export interface AnswerLogEntry {
  surface: 'web' | 'api' | 'slack' | 'teams';
  /** The platform's ids of the request: team, channel, user, conversation, event. Never tokens. */
  ids: Record<string, string | undefined>;
  answer: Answer;
  startedAt: number;
}

/**
 * One structured line per answered request. The logger writes the question's words only when
 * configured to (LOG_QUESTIONS=true): by default the log says what was asked about, not who typed what.
 */
export function logAnswer(log: Logger, entry: AnswerLogEntry): void {
  const { answer } = entry;
  log.info('answered', {
    surface: entry.surface,
    ...entry.ids,
    intent: answer.intent,
    status: answer.status,
    rules: answer.rules.length,
    durationMs: Math.round((performance.now() - entry.startedAt) * 100) / 100,
    question: answer.question,
  });
}
