import { createLogger } from '../../../adapters/logger';
import { startServer, type RunningServer } from '../../../adapters/server';
import { engine } from '../../helpers/engine';
import { rawConnection } from '../../load/raw-connection';

// "⑴" is one character that NFKC turns into three, "(1)".
const EXPANDS = '⑴';

describe('The question limit and the request head, over HTTP', () => {
  let server: RunningServer;
  const get = (question: string) => fetch(`${server.url}/api/ask?q=${encodeURIComponent(question)}`);
  const post = (question: string) =>
    fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ q: question }) });

  beforeAll(async () => {
    server = await startServer({ engine, log: createLogger(() => undefined), knowledgeVersion: 'v', surfaces: [], host: '127.0.0.1', port: 0, questionLimit: { points: 1000, duration: 60 } });
  });
  afterAll(() => server.close());

  it('answers a 4,000-character question by GET even when every character takes three bytes (36 KB of URL)', async () => {
    const question = 'ポート 8009 '.repeat(500).slice(0, 4000);
    expect(encodeURIComponent(question).length).toBeGreaterThan(16 * 1024);
    const response = await get(question);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(engine.ask(question))));
  });

  it('refuses a 4,001-character non-ASCII question by GET with the documented JSON error', async () => {
    const response = await get('ポ'.repeat(4001));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'question_too_long', message: 'The question is over 4,000 characters.' });
  });

  it.each([
    ['GET', get],
    ['POST', post],
  ])('counts the limit after Unicode normalization (%s)', async (_method, send) => {
    // 1,334 characters as typed, 4,002 once normalized: too long; 1,333 (3,999) is read.
    const tooLong = await send(EXPANDS.repeat(1334));
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error).toBe('question_too_long');
    const within = await send(EXPANDS.repeat(1333));
    expect(within.status).toBe(200);
  });

  it('answers a request head over 64 KB with 431 and a JSON body, not an empty one', async () => {
    const response = await get('port '.repeat(14_000));
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: 'headers_too_large', message: expect.stringContaining('POST /api/ask') });
  });

  it('answers a request line that is not HTTP with 400 and a JSON body', async () => {
    const connection = await rawConnection(server.url);
    await connection.write('NOT HTTP AT ALL\r\n\r\n');
    const received = await connection.whenClosed;
    expect(received).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4))).toEqual({ error: 'bad_request', message: expect.any(String) });
  });
});

describe('The production header timeout', () => {
  it(
    'cuts a client that never finishes its headers at 10 s at the latest, with 408 and a JSON body',
    async () => {
      const server = await startServer({ engine, log: createLogger(() => undefined), knowledgeVersion: 'v', surfaces: [], host: '127.0.0.1', port: 0, drainMs: 100 });
      try {
        // Opened over one second: Node checks the deadline on a timer, so one of them always opens just after a check.
        const cuts = await Promise.all(
          Array.from({ length: 10 }, async (_, i) => {
            await new Promise((resolve) => setTimeout(resolve, i * 100));
            const connection = await rawConnection(server.url);
            const openedAt = Date.now();
            await connection.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
            const received = await connection.whenClosed;
            return { afterMs: Date.now() - openedAt, received };
          }),
        );
        expect(cuts.every(({ received }) => received.startsWith('HTTP/1.1 408 Request Timeout\r\n') && received.includes('"request_timeout"'))).toBe(true);
        // A margin for a busy machine's timers; Node's own check alone lets a client live up to 11 s.
        expect(Math.max(...cuts.map(({ afterMs }) => afterMs))).toBeLessThanOrEqual(10_300);
      } finally {
        await server.close();
      }
    },
    20_000,
  );
});
