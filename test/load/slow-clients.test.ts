import { createLogger } from '../../adapters/logger';
import { startServer, type RunningServer } from '../../adapters/server';
import { engine } from '../helpers/engine';
import { loadClient, type LoadClient } from './load-client';
import { rawConnection, type RawConnection } from './raw-connection';
import { runConcurrently } from './support';

// Production waits 10 s for headers and 15 s for a request; the same limits, scaled down.
const TIMEOUTS = { headersTimeoutMs: 1_000, requestTimeoutMs: 1_500 };
const SLOW_CLIENTS = 50;
const BYTE_EVERY_MS = 50;
const QUESTION = 'what uses port 8009?';

/** Sends `text` one byte at a time, BYTE_EVERY_MS apart, then keeps trickling spaces: it never finishes on its own. */
async function trickle(connection: RawConnection, text: string): Promise<void> {
  for (let i = 0; !connection.closed(); i++) {
    if (!(await connection.write(i < text.length ? text[i] : ' '))) return;
    await new Promise((resolve) => setTimeout(resolve, BYTE_EVERY_MS));
  }
}

describe('Slow clients', () => {
  let server: RunningServer;
  let client: LoadClient;
  const expected = JSON.stringify(engine.ask(QUESTION));

  beforeAll(async () => {
    server = await startServer({ engine, log: createLogger(() => undefined), knowledgeVersion: 'slow', surfaces: [], host: '127.0.0.1', port: 0, drainMs: 200, timeouts: TIMEOUTS, /* the slow clients share one address: not the limit under test */ questionLimit: { points: 1000, duration: 60 } });
    client = loadClient(server.url, 8);
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  /** Opens the slow connections, each sending `sent` at once and trickling `trickled`; resolves once every one is connected. */
  const openSlowClients = (sent: string, trickled: (index: number) => string) =>
    Promise.all(
      Array.from({ length: SLOW_CLIENTS }, async (_, index) => {
        const connection = await rawConnection(server.url);
        await connection.write(sent);
        void trickle(connection, trickled(index));
        return connection;
      }),
    );

  it(
    'a client sending its headers a byte at a time is cut off with 408, and everyone else is answered meanwhile',
    async () => {
      const slow = await openSlowClients('', (index) => `GET /api/ask?q=${encodeURIComponent(QUESTION)} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${index}`);
      const answers = await runConcurrently(50, 8, () => client.send({ path: `/api/ask?q=${encodeURIComponent(QUESTION)}` }));
      // Served while every slow client still held its connection: they did not block the server.
      expect(slow.filter((connection) => connection.closed())).toEqual([]);
      expect(answers.filter((answer) => answer.status !== 200 || answer.body !== expected)).toEqual([]);
      const cutOff = await Promise.all(slow.map((connection) => connection.whenClosed));
      expect(cutOff.every((response) => response.startsWith('HTTP/1.1 408 Request Timeout'))).toBe(true);
    },
    // A hang catcher only: the timeouts above cut the clients within two seconds.
    10_000,
  );

  it(
    'a client sending its body a byte at a time is cut off with 408 once the request timeout passes',
    async () => {
      const body = JSON.stringify({ q: QUESTION });
      // The headers at once, announcing more body than the trickle will send before the timeout.
      const headers = `POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length + 1000}\r\n\r\n`;
      const slow = await openSlowClients(headers, () => body);
      const answer = await client.send({ method: 'POST', path: '/api/ask', headers: { 'content-type': 'application/json' }, body });
      expect(slow.filter((connection) => connection.closed())).toEqual([]);
      expect(answer).toEqual({ status: 200, body: expected });
      const cutOff = await Promise.all(slow.map((connection) => connection.whenClosed));
      expect(cutOff.every((response) => response.startsWith('HTTP/1.1 408 Request Timeout'))).toBe(true);
    },
    10_000,
  );
});
