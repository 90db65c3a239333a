import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logger';

const SEVERITY: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** Bolt's and Socket Mode's own log lines, as structured lines of the server's logger. */
export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const emit = (at: LogLevel) => (...message: unknown[]) => {
    if (SEVERITY[at] > SEVERITY[level]) return;
    const write = at === LogLevel.DEBUG ? log.info : log[at];
    write('slack_bolt', { message: message.map(String).join(' ') });
  };
  return {
    debug: emit(LogLevel.DEBUG),
    info: emit(LogLevel.INFO),
    warn: emit(LogLevel.WARN),
    error: emit(LogLevel.ERROR),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
