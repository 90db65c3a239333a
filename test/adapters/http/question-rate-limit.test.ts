import { request } from 'node:http';
import { text } from 'node:stream/consumers';
import { createMemoryLogger } from '../../../adapters/logger';
import { QUESTION_LIMIT } from '../../../adapters/http/question-rate-limit';
import { startServer, type RunningServer } from '../../../adapters/server';
import { webSurface } from '../../../adapters/web/web-surface';
import { engine } from '../../helpers/engine';

/** A GET from a chosen loopback address: every address in 127.0.0.0/8 is this machine, and another client. */
function getFrom(localAddress: string, url: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { localAddress, agent: false }, (response) => {
      text(response).then((body) => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }), reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('Questions per client address', () => {
  const log = createMemoryLogger();
  let server: RunningServer;
  const ask = (question: string, from = '127.0.0.1') => getFrom(from, `${server.url}/api/ask?q=${encodeURIComponent(question)}`);

  beforeAll(async () => {
    const deps = { engine, log, listen: { host: '127.0.0.1', port: 0 } };
    server = await startServer({ engine, log, knowledgeVersion: 'v', surfaces: [webSurface(deps)], host: '127.0.0.1', port: 0 });
  });
  afterAll(() => server.close());

  it(`answers a page's use, then refuses the question past ${QUESTION_LIMIT.points} a minute with 429 and Retry-After`, async () => {
    // What the page does: questions as tables, follow-ups, browsing (which asks the engine no question).
    for (let i = 0; i < QUESTION_LIMIT.points / 2; i++) {
      const table = await getFrom('127.0.0.1', `${server.url}/api/table?q=${encodeURIComponent(`what uses port ${8000 + i}?`)}`);
      expect(table.status).toBe(200);
      const browse = await getFrom('127.0.0.1', `${server.url}/api/table?mode=non-boi`);
      expect(browse.status).toBe(200);
    }
    for (let i = QUESTION_LIMIT.points / 2; i < QUESTION_LIMIT.points; i++) expect((await ask('edge server')).status).toBe(200);

    const refused = await ask('edge server');
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toEqual({ error: 'rate_limited', message: expect.stringMatching(/wait \d+ s/) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(QUESTION_LIMIT.duration);
    const table = await getFrom('127.0.0.1', `${server.url}/api/table?q=edge`);
    expect(table.status).toBe(429);
    expect(log.lines.filter((line) => line.includes('"event":"api_rate_limited"'))).toHaveLength(2);

    // What asks no question is still served to that client, and another client asks as usual.
    for (const path of ['/healthz', '/api/catalog', '/api/browse?format=csv', '/api/table?component=edge-server', '/']) {
      expect((await getFrom('127.0.0.1', server.url + path)).status).toBe(200);
    }
    const other = await ask('edge server', '127.0.0.2');
    expect(other.status).toBe(200);
    expect(JSON.parse(other.body)).toEqual(JSON.parse(JSON.stringify(engine.ask('edge server'))));
  });
});
