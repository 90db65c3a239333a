import { createMemoryLogger } from '../../../adapters/logger';
import { startServer, type RunningServer } from '../../../adapters/server';
import { slackSurface } from '../../../adapters/slack';
import type { Surface } from '../../../adapters/surface';
import { teamsSurface } from '../../../adapters/teams';
import { webSurface } from '../../../adapters/web/web-surface';
import { engine } from '../../helpers/engine';

const on = (surface: Surface | { enableWith: string }): Surface => {
  if (!('mount' in surface)) throw new Error(`off: ${surface.enableWith}`);
  return surface;
};

describe('Every response carries the security headers', () => {
  let server: RunningServer;

  beforeAll(async () => {
    const log = createMemoryLogger();
    const deps = { engine, log, listen: { host: '127.0.0.1', port: 0 } };
    const slack = on(slackSurface({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: 'http://127.0.0.1:9/api/' }, deps));
    const teams = on(teamsSurface({}, deps));
    server = await startServer({ engine, log, knowledgeVersion: 'v', surfaces: [webSurface(deps), slack, teams], host: '127.0.0.1', port: 0 });
  });
  afterAll(() => server.close());

  const json = { 'content-type': 'application/json' };
  // Every route of the server, answered and refused: the page, its API, health, errors, Slack and Teams.
  const requests: [string, string, RequestInit][] = [
    ['the page', '/', {}],
    ['its script', '/app.js', {}],
    ['its style sheet', '/style.css', {}],
    ['its icon', '/favicon.svg', {}],
    ['GET /api/ask', '/api/ask?q=what%20uses%20port%208009%3F', {}],
    ['POST /api/ask', '/api/ask', { method: 'POST', headers: json, body: '{"q":"what uses port 443?"}' }],
    ['a refused question', '/api/ask', {}],
    ['malformed JSON', '/api/ask', { method: 'POST', headers: json, body: '{' }],
    ['a method not allowed', '/api/ask', { method: 'PUT' }],
    ['a body too large', '/api/ask', { method: 'POST', headers: json, body: 'x'.repeat(2 * 1024 * 1024) }],
    ['GET /api/table?q=', '/api/table?q=edge%20server', {}],
    ['GET /api/table?mode=', '/api/table?mode=non-boi', {}],
    ['GET /api/browse', '/api/browse', {}],
    ['GET /api/browse as CSV', '/api/browse?format=csv', {}],
    ['GET /api/browse as Markdown', '/api/browse?format=markdown', {}],
    ['GET /api/catalog', '/api/catalog', {}],
    ['GET /healthz', '/healthz', {}],
    ['a 404', '/no/such/route', {}],
    ['a malformed path', '/%E0%A4%A', {}],
    ['Slack, unsigned', '/slack/events', { method: 'POST', headers: json, body: '{}' }],
    ['Teams, not an activity', '/api/messages', { method: 'POST', headers: json, body: '{}' }],
  ];

  // Every row has its three cells: jest takes a test function with more parameters than cells for a `done` callback.
  it.each(requests)('%s', async (_name, path, init) => {
    const response = await fetch(server.url + path, init);
    await response.arrayBuffer();
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});
