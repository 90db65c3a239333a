import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from '../src/create-engine';
import { knowledgeFromSnapshot } from '../src/knowledge/snapshot';
import type { ReadJob, ReadReply } from './read-aside';

// The worker of read-aside.ts: the same engine, built from the validated knowledge it is given.
const engine = createEngine(knowledgeFromSnapshot((workerData as { snapshot: string }).snapshot));

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
