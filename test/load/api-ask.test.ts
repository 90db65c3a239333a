import { createLogger } from '../../adapters/logger';
import { startServer, type RunningServer } from '../../adapters/server';
import { engine } from '../helpers/engine';
import { loadClient, type LoadClient } from './load-client';
import { memoryAfterGc } from './memory';
import { LOAD, loadQuestions, problemWith, runConcurrently } from './support';

// A leak that kept each answer (about 4 KB of JSON) would hold some 8 MB of heap after 2,000
// requests; the bounds sit under that and well over the noise of a collected heap.
const HEAP_GROWTH_MB = 4;
// Resident memory does not shrink to what the heap frees (the allocator keeps its pages), so it
// gets a wider margin; it still catches a leak outside the JS heap (sockets, buffers).
const RSS_GROWTH_MB = 40;
const WARM_UP_REQUESTS = 256;

describe(`GET /api/ask under load: ${LOAD.apiRequests} questions, ${LOAD.concurrency} at a time`, () => {
  let server: RunningServer;
  let client: LoadClient;
  let answersLogged = 0;
  const questions = loadQuestions(engine, LOAD.apiRequests);
  // As res.json sends them: byte for byte, the engine's answer.
  const expected = new Map(questions.map((question) => [question, JSON.stringify(engine.ask(question))]));

  beforeAll(async () => {
    // Counted, not kept: a logger that held every line would look like a leak of the server's.
    const log = createLogger((line) => {
      if (line.includes('"event":"answered"')) answersLogged += 1;
    });
    // One client asks all of them: the per-client limit is what test/load/event-loop.test.ts checks.
    const questionLimit = { points: 2 * (WARM_UP_REQUESTS + LOAD.apiRequests), duration: 60 };
    server = await startServer({ engine, log, knowledgeVersion: 'load', surfaces: [], host: '127.0.0.1', port: 0, drainMs: 500, questionLimit });
    client = loadClient(server.url);
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  /** Asks one question; undefined when the answer is the engine's, else what went wrong (nothing else is kept). */
  const check = (question: string) =>
    problemWith(question, async () => {
      const { status, body } = await client.send({ path: `/api/ask?q=${encodeURIComponent(question)}` });
      if (status !== 200) return `${status} ${body}`;
      return body === expected.get(question) ? undefined : 'another answer';
    });

  it(
    'answers every question exactly as the engine does, with no error, and holds no more memory afterwards',
    async () => {
      // Warm the JIT, the spelling cache and the connection pool before measuring memory.
      await runConcurrently(WARM_UP_REQUESTS, LOAD.concurrency, (i) => check(questions[i]));
      const before = await memoryAfterGc();
      const outcomes = await runConcurrently(LOAD.apiRequests, LOAD.concurrency, (i) => check(questions[i]));
      const after = await memoryAfterGc();

      expect(outcomes.filter((outcome) => outcome !== undefined)).toEqual([]);
      expect(answersLogged).toBe(WARM_UP_REQUESTS + LOAD.apiRequests);
      expect(after.heapMb - before.heapMb).toBeLessThan(HEAP_GROWTH_MB);
      expect(after.rssMb - before.rssMb).toBeLessThan(RSS_GROWTH_MB);
    },
    // A hang catcher only: the run takes a few seconds.
    60_000,
  );
});
