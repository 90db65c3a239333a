import type { Logger } from './logger';

/**
 * On SIGTERM or SIGINT: close (stop accepting, finish requests in flight) and exit 0.
 * A second signal, or a close that hangs past the deadline, exits at once.
 */
export function exitOnSignals(close: () => Promise<void>, log: Logger, deadlineMs = 8000): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info('shutting_down', { signal });
    setTimeout(() => {
      log.error('shutdown_timed_out', { deadlineMs });
      process.exit(1);
    }, deadlineMs).unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown_failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
