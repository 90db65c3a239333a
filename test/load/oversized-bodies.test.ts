import { MAX_BODY_BYTES } from '../../adapters/http/body-limit';
import { BOT_TOKEN, SIGNING_SECRET, signatureHeaders, startFakeSlack, type FakeSlack } from '../adapters/slack/support';
import { startTeams } from '../adapters/teams/support';
import { loadClient, type LoadClient } from './load-client';
import { rawConnection, writeUntilAnswered, type RawConnection } from './raw-connection';

const GIGABYTE = 2 ** 30;
const KB = 1024;
// What each route reads at most: /api/ask its own limit, Slack's and Teams' routes 256 KB.
const ASK_LIMIT = 32 * KB;
const BOLT_LIMIT = 256 * KB;
const TEAMS_LIMIT = 256 * KB;
// Sockets on loopback buffer some of what the client writes before the server reads it.
const IN_FLIGHT = 512 * KB;

const ROUTES = [
  { path: '/api/ask', contentType: 'application/json' },
  { path: '/api/messages', contentType: 'application/json' },
  { path: '/slack/events', contentType: 'application/x-www-form-urlencoded' },
];

// Slack's route reads no body without a signature header of the right form and a fresh timestamp (the HMAC is checked after the body).
const signed = (path: string) =>
  path === '/slack/events' ? Object.entries(signatureHeaders('')).map(([name, value]) => `${name}: ${value}\r\n`).join('') : '';
const head = (path: string, contentType: string, framing: string) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${contentType}\r\n${signed(path)}${framing}\r\n\r\n`;
const statusLine = (response: string) => response.split('\r\n', 1)[0];

/** Starts a chunked upload and sends 16 KB chunks, never the last one, until the server answers (or 4 × limit). */
async function uploadForever(connection: RawConnection, path: string, contentType: string, limit: number): Promise<number> {
  await connection.write(head(path, contentType, 'Transfer-Encoding: chunked'));
  const chunk = 'x'.repeat(16 * KB);
  return writeUntilAnswered(connection, `${chunk.length.toString(16)}\r\n${chunk}\r\n`, 4 * limit);
}

describe('Request bodies over the limit', () => {
  let slack: FakeSlack;
  let teams: Awaited<ReturnType<typeof startTeams>>;
  let client: LoadClient;

  beforeAll(async () => {
    slack = await startFakeSlack();
    // Every surface on the one server, as npm start builds them: web, Slack (HTTP mode), Teams (local mode).
    teams = await startTeams({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl });
    client = loadClient(teams.server.url, 1);
  });
  afterAll(async () => {
    client.close();
    await teams.server.close();
    await slack.close();
  });

  it.each(ROUTES)('$path: a Content-Length of a gigabyte gets 413 before a byte of the body is sent, and the connection closes', async ({ path, contentType }) => {
    const connection = await rawConnection(teams.server.url);
    await connection.write(head(path, contentType, `Content-Length: ${GIGABYTE}`));
    const response = await connection.whenClosed;
    expect(statusLine(response)).toBe('HTTP/1.1 413 Payload Too Large');
    expect(response).toMatch(/\r\nConnection: close\r\n/i);
  });

  it.each([
    { path: '/api/ask', contentType: 'application/json', limit: ASK_LIMIT, closes: true },
    // Bolt's 413 leaves the connection open until the keep-alive timeout: not waited for.
    { path: '/slack/events', contentType: 'application/x-www-form-urlencoded', limit: BOLT_LIMIT, closes: false },
    { path: '/api/messages', contentType: 'application/json', limit: TEAMS_LIMIT, closes: true },
  ])('$path: a chunked upload that never ends gets 413 once it passes the limit', async ({ path, contentType, limit, closes }) => {
    const connection = await rawConnection(teams.server.url);
    const sent = await uploadForever(connection, path, contentType, limit);
    expect(statusLine(connection.received())).toBe('HTTP/1.1 413 Payload Too Large');
    expect(sent).toBeGreaterThan(limit);
    expect(sent).toBeLessThan(limit + IN_FLIGHT);
    if (closes) await connection.whenClosed;
    else connection.socket.destroy();
  });

  it('a body just under the limit of /api/ask is read and answered', async () => {
    const question = 'what uses port 443?';
    const body = JSON.stringify({ q: question, padding: 'x'.repeat(ASK_LIMIT - 100) });
    expect(body.length).toBeLessThan(ASK_LIMIT);
    const response = await client.send({ method: 'POST', path: '/api/ask', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ question, status: 'answered' });
  });

  it('a Content-Length over the limit of /api/ask but under the server-wide one still gets 413 at once', async () => {
    expect(ASK_LIMIT * 4).toBeLessThan(MAX_BODY_BYTES);
    const connection = await rawConnection(teams.server.url);
    await connection.write(head('/api/ask', 'application/json', `Content-Length: ${ASK_LIMIT * 4}`));
    expect(statusLine(await connection.whenClosed)).toBe('HTTP/1.1 413 Payload Too Large');
  });

  it('the server answers normally afterwards', async () => {
    const response = await client.send({ path: `/api/ask?q=${encodeURIComponent('what uses port 8009?')}` });
    expect(response.status).toBe(200);
  });
});
