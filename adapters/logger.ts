/** Structured JSON logs on stderr, one line per event. Secrets are never passed in. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export interface LogOptions {
  /** Whether a `question` field (what a user typed) is written; off unless LOG_QUESTIONS=true. */
  questions?: boolean;
}

export function createLogger(write: (line: string) => void = (line) => process.stderr.write(line + '\n'), options: LogOptions = {}): Logger {
  const emit = (level: string) => (event: string, fields: Record<string, unknown> = {}) => {
    const { question, ...rest } = fields;
    const kept = options.questions && question !== undefined ? { ...rest, question } : rest;
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...kept }));
  };
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that keeps lines in memory, for tests that assert on what was logged. */
export function createMemoryLogger(options: LogOptions = {}): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, ...createLogger((line) => lines.push(line), options) };
}
