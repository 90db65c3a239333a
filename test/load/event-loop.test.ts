import { Agent, request } from 'node:http';
import { text } from 'node:stream/consumers';
import { SLOW_INPUTS } from '../../bench/slow-inputs';
import { createLogger } from '../../adapters/logger';
import { QUESTION_LIMIT } from '../../adapters/http/question-rate-limit';
import { readAside } from '../../adapters/read-aside';
import { startServer, type RunningServer } from '../../adapters/server';
import { MAX_QUESTION_LENGTH } from '../../src';
import { snapshotOf } from '../../src/knowledge/snapshot';
import { engine, knowledge } from '../helpers/engine';
import { runConcurrently } from './support';

const FLOOD = 400;
const IN_FLIGHT = 16;
// A health probe waits behind whatever holds the event loop: every answered question at once, if
// nothing limited them. The bound is far over a probe's own time on a busy machine (figures: npm run bench).
const PROBE_BOUND_MS = 3_000;

/** The slowest shapes the bench knows, and made-up words of 4,000, 400 and 40 letters. */
function floodQuestions(): string[] {
  const letters = 'qwertzuiopasdfghjklyxcvbnm';
  const word = (length: number) => Array.from({ length }, (_, i) => letters[(i * 7) % letters.length]).join('');
  const madeUp = [4000, 400, 40].map((length) => (word(length) + ' ').repeat(Math.ceil(MAX_QUESTION_LENGTH / (length + 1))).slice(0, MAX_QUESTION_LENGTH));
  return [...madeUp, ...SLOW_INPUTS.map((input) => input.question)];
}

describe('One client flooding the engine with its slowest questions', () => {
  let server: RunningServer;
  // As npm start does: the long questions are read in a worker thread.
  const reader = readAside(engine, snapshotOf(knowledge), createLogger(() => undefined));

  beforeAll(async () => {
    server = await startServer({ engine, log: createLogger(() => undefined), knowledgeVersion: 'v', surfaces: [], host: '127.0.0.1', port: 0, drainMs: 200 });
  });
  afterAll(() => Promise.all([server.close(), reader.close()]));

  it(
    `is refused past its limit, and /healthz keeps answering within ${PROBE_BOUND_MS} ms meanwhile`,
    async () => {
      const questions = floodQuestions();
      const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
      const send = (path: string, using?: Agent) =>
        new Promise<number>((resolve, reject) => {
          const outgoing = request(server.url + path, { agent: using ?? false }, (response) => {
            text(response).then(() => resolve(response.statusCode ?? 0), reject);
          });
          outgoing.on('error', reject);
          outgoing.end();
        });
      let flooding = true;
      const probes: number[] = [];
      const probing = (async () => {
        while (flooding) {
          const startedAt = performance.now();
          expect(await send('/healthz')).toBe(200);
          probes.push(performance.now() - startedAt);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      })();
      const statuses = await runConcurrently(FLOOD, IN_FLIGHT, (i) => send(`/api/ask?q=${encodeURIComponent(questions[i % questions.length])}`, agent));
      flooding = false;
      await probing;
      agent.destroy();

      // Answered, or refused as the engine would (a question of nothing but mentions is empty): never a fault.
      expect(statuses.filter((status) => status !== 429).every((status) => status === 200 || status === 400)).toBe(true);
      expect(statuses.filter((status) => status !== 429)).toHaveLength(QUESTION_LIMIT.points);
      expect(statuses.filter((status) => status === 429)).toHaveLength(FLOOD - QUESTION_LIMIT.points);
      expect(probes.length).toBeGreaterThan(0);
      expect(Math.max(...probes)).toBeLessThan(PROBE_BOUND_MS);
    },
    60_000,
  );
});
