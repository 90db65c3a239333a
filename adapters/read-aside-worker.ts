import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from '../src/create-engine';
import { knowledgeFromSnapshot } from '../src/knowledge/snapshot';
import { BUNDLE_ID } from './bundle-id';
import type { ReadJob, ReadReply } from './read-aside';

const given = workerData as { snapshot: string; bundle: string };
// The worker file is read when the first long question comes, maybe after a rebuild of dist/: a
// worker of another build could read questions otherwise than the server does, so it stops here
// and the server reads them itself.
if (given.bundle !== BUNDLE_ID) throw new Error(`the worker file is of another build (${BUNDLE_ID}, the server's is ${given.bundle}): restart the server`);

// The worker of read-aside.ts: the same engine, built from the validated knowledge it is given.
const engine = createEngine(knowledgeFromSnapshot(given.snapshot));

parentPort?.on('message', ({ id, job }: { id: number; job: ReadJob }) => {
  let reply: ReadReply;
  try {
    reply = { id, result: job.op === 'ask' ? engine.ask(job.question, job.options) : engine.converse(job.question, job.context, job.options) };
  } catch (error) {
    // The engine never throws on a question; should it, the main thread reads the question itself.
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
