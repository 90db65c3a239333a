import pino, { type DestinationStream, type LevelWithSilent } from 'pino';
import { currentRequestId } from './http/request-id';

/** Structured JSON logs on stderr (pino), one line per event. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const satisfies readonly LevelWithSilent[];

export interface LogOptions {
  /** Whether a `question` field (what a user typed) is written; off unless LOG_QUESTIONS=true. */
  questions?: boolean;
  /** The least severe level written (LOG_LEVEL); info by default. */
  level?: (typeof LOG_LEVELS)[number];
}

// Secrets are never passed in on purpose; these catch one passed by mistake (a header object, a config).
const REDACTED_PATHS = [
  'token',
  '*.token',
  'botToken',
  'appToken',
  'secret',
  '*.secret',
  'signingSecret',
  'password',
  '*.password',
  'authorization',
  'Authorization',
  'headers.authorization',
  'headers.Authorization',
  'headers.cookie',
  'req.headers.authorization',
  'response_url',
  '*.response_url',
];

/**
 * The server's logger. `write` takes each line (tests); without it lines go to stderr through
 * pino's asynchronous destination, flushed on exit, so logging never blocks an answer on a write.
 * Each line: {"level","time","requestId"?,...fields,"event"}; the request id ties an answer's lines together.
 */
export function createLogger(write?: (line: string) => void, options: LogOptions = {}): Logger {
  const destination: DestinationStream = write ? { write: (line: string) => write(line.trimEnd()) } : stderrDestination();
  const logger = pino(
    {
      level: options.level ?? 'info',
      messageKey: 'event',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
    },
    destination,
  );
  const emit = (level: 'info' | 'warn' | 'error') => (event: string, fields: Record<string, unknown> = {}) => {
    if (!logger.isLevelEnabled(level)) return;
    const { question, ...rest } = fields;
    logger[level](options.questions && question !== undefined ? { ...rest, question } : rest, event);
  };
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

function stderrDestination(): DestinationStream {
  const destination = pino.destination({ dest: 2, sync: false });
  // process.exit() skips pending asynchronous writes: the last lines (the shutdown's) are written first.
  process.once('exit', () => {
    try {
      destination.flushSync();
    } catch {
      // Not yet open, or stderr gone: nothing more can be written.
    }
  });
  return destination;
}

/** A logger that keeps lines in memory, for tests that assert on what was logged. */
export function createMemoryLogger(options: LogOptions = {}): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, ...createLogger((line) => lines.push(line), options) };
}
