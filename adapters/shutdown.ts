import type { Logger } from './logger';

/**
 * How a production stop goes: requests in flight get 10 s to finish before their connections are
 * cut, then the surfaces and Redis close; past 12 s in all the process exits anyway.
 */
export const SHUTDOWN = Object.freeze({ drainMs: 10_000, deadlineMs: 12_000 });

/**
 * On SIGTERM or SIGINT: close (stop accepting, finish requests in flight) and exit 0.
 * A second signal, or a close that hangs past the deadline, exits at once.
 */
export function exitOnSignals(close: () => Promise<void>, log: Logger, deadlineMs: number = SHUTDOWN.deadlineMs): void {
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
      () => {
        log.info('stopped', {});
        process.exit(0);
      },
      (error: unknown) => {
        log.error('shutdown_failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
