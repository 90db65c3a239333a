import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Answer, ConversationContext, Conversed, Engine } from '../src';
import { BUNDLE_ID } from './bundle-id';
import type { Logger } from './logger';

/**
 * From this length a question is read in a worker thread. The slowest shapes near the 4,000-character
 * limit take the reading 5-20 ms (`npm run bench`); read on the event loop they would hold every
 * other request and the health probe that long. Below it the reading is well under a millisecond.
 */
export const READ_ASIDE_FROM = 500;
// A worker that has not answered by then is stuck: it is replaced, and the question read here.
const JOB_TIMEOUT_MS = 10_000;
// After a worker fails to start or dies, questions are read here for this long before a new one is tried.
const RETRY_AFTER_MS = 60_000;

/** The engine's two questions, asynchronous: a long question is answered off the event loop. */
export interface Reader {
  ask(question: string, options?: { explain?: boolean }): Promise<Answer>;
  converse(question: string, context?: ConversationContext, options?: { explain?: boolean }): Promise<Conversed>;
}

/** What the worker is asked, and what it answers (read-aside-worker.ts). */
export type ReadJob =
  | { op: 'ask'; question: string; options?: { explain?: boolean } }
  | { op: 'converse'; question: string; context?: ConversationContext; options?: { explain?: boolean } };
export type ReadReply = { id: number; result: Answer | Conversed } | { id: number; error: string };

const inline = (engine: Engine): Reader => ({
  ask: async (question, options) => engine.ask(question, options),
  converse: async (question, context, options) => engine.converse(question, context, options),
});

const readers = new WeakMap<Engine, Reader & { close(): Promise<void> }>();

/** The reader of an engine: its worker when readAside started one, else the engine on this thread. */
export function readerFor(engine: Engine): Reader {
  return readers.get(engine) ?? inline(engine);
}

/** The worker beside this file: JavaScript in the bundle (dist/); TypeScript, through tsx's require hook, under tsx and the tests. */
function workerSource(): { source: string; eval: boolean } {
  if (!__filename.endsWith('.ts')) return { source: join(__dirname, 'read-aside-worker.js'), eval: false };
  return { source: `require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'read-aside-worker.ts'))});`, eval: true };
}

/**
 * Reads the engine's long questions in one worker thread, which builds the same engine from
 * `snapshot` (the validated knowledge, src/knowledge/snapshot.ts). If the worker cannot start,
 * dies or hangs, the question is read on this thread: slower, never unanswered. One log line per failure.
 * `bundle` is the build the worker must belong to (a test gives another to see it refused).
 */
export function readAside(
  engine: Engine,
  snapshot: string,
  log: Logger,
  { from = READ_ASIDE_FROM, bundle = BUNDLE_ID }: { from?: number; bundle?: string } = {},
): Reader & { close(): Promise<void> } {
  const here = inline(engine);
  const pending = new Map<number, { resolve: (result: Answer | Conversed) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  let worker: Worker | undefined;
  let nextId = 0;
  let retryAt = 0;
  let closed = false;

  const failAll = (error: Error) => {
    for (const job of pending.values()) clearTimeout(job.timer), job.reject(error);
    pending.clear();
  };
  const lost = (reason: string) => {
    log.warn('read_aside_unavailable', { reason, retryInSeconds: RETRY_AFTER_MS / 1000 });
    retryAt = Date.now() + RETRY_AFTER_MS;
    const gone = worker;
    worker = undefined;
    void gone?.terminate();
    failAll(new Error(reason));
  };
  const started = (): Worker | undefined => {
    if (worker || closed || Date.now() < retryAt) return worker;
    const { source, eval: isCode } = workerSource();
    try {
      const spawned = new Worker(source, { eval: isCode, workerData: { snapshot, bundle } });
      // An idle worker must not keep the process alive.
      spawned.unref();
      spawned.on('message', (reply: ReadReply) => {
        const job = pending.get(reply.id);
        if (!job) return;
        pending.delete(reply.id);
        clearTimeout(job.timer);
        if ('error' in reply) job.reject(new Error(reply.error));
        else job.resolve(reply.result);
      });
      spawned.on('error', (error) => worker === spawned && lost(error.message));
      spawned.on('exit', (code) => worker === spawned && !closed && lost(`the worker exited with ${code}`));
      worker = spawned;
      log.info('read_aside_started', { from });
    } catch (error) {
      lost((error as Error).message);
    }
    return worker;
  };
  const run = (job: ReadJob): Promise<Answer | Conversed> | undefined => {
    const target = started();
    if (!target) return undefined;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => lost(`no answer within ${JOB_TIMEOUT_MS / 1000} s`), JOB_TIMEOUT_MS);
      pending.set(id, { resolve, reject, timer });
      target.postMessage({ id, job });
    });
  };
  // The worker's answer, or this thread's when the worker cannot give one.
  const aside = async <T>(job: ReadJob, onThisThread: () => Promise<T>): Promise<T> => {
    const result = job.question.length >= from ? run(job) : undefined;
    return result ? (result as Promise<T>).catch(onThisThread) : onThisThread();
  };
  // No worker until the first long question: its engine holds about 40 MB that most servers,
  // asked only short questions, never need. That first question waits for it to be built.
  const reader = {
    ask: (question: string, options?: { explain?: boolean }) => aside({ op: 'ask', question, options }, () => here.ask(question, options)),
    converse: (question: string, context?: ConversationContext, options?: { explain?: boolean }) =>
      aside({ op: 'converse', question, context, options }, () => here.converse(question, context, options)),
    close: async () => {
      closed = true;
      failAll(new Error('closed'));
      await worker?.terminate();
      worker = undefined;
    },
  };
  readers.set(engine, reader);
  return reader;
}
