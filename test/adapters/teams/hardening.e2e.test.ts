import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { BOT, membersAddedActivity, messageActivity, postActivity, rsaKeyPair, signToken, startConnector, startTeams, type ConnectorCall } from './support';

const APP_ID = '00000000-0000-4000-8000-000000000b07';
const AUTHENTICATED_ENV = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' };
const logged = (lines: string[], event: string) => lines.filter((line) => line.includes(`"event":"${event}"`));

/** POSTs with headers fetch will not set (Host): what a browser sends for a page whose name rebinds to 127.0.0.1. */
function postWith(url: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, agent: false }, (response) => {
      text(response).then((received) => resolve({ status: response.statusCode ?? 0, body: received }), reject);
    });
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify(body));
  });
}

/** A connector (Bot Framework's stand-in) on the IPv6 loopback address. */
async function startIpv6Connector(): Promise<{ url: string; calls: ConnectorCall[]; close(): Promise<void> }> {
  const calls: ConnectorCall[] = [];
  const server = createServer(async (req, res) => {
    const body = await text(req);
    calls.push({ method: req.method ?? '', path: decodeURIComponent(req.url ?? ''), body: body ? JSON.parse(body) : {} });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"reply"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '::1', resolve));
  return { url: `http://[::1]:${(server.address() as AddressInfo).port}`, calls, close: () => closeServer(server) };
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

describe('Teams local mode: only this machine may drive it', () => {
  let connector: Awaited<ReturnType<typeof startConnector>>;
  let teams: Awaited<ReturnType<typeof startTeams>>;
  let port: string;

  beforeAll(async () => {
    connector = await startConnector();
    teams = await startTeams({});
    port = new URL(teams.server.url).port;
  });
  afterAll(async () => {
    await teams.server.close();
    await connector.close();
  });
  beforeEach(() => {
    connector.calls.length = 0;
  });

  it.each(['attacker.example:PORT', 'attacker.example', '192.168.1.10:PORT', '127.0.0.1.attacker.example:PORT'])(
    'refuses a request whose Host is %s (a rebound name), and posts nothing',
    async (host) => {
      const response = await postWith(teams.server.url, messageActivity(connector.url, { text: 'what uses port 8009?' }), { host: host.replace('PORT', port) });
      expect(response.status).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ error: 'host_refused' });
      expect(connector.calls).toEqual([]);
    },
  );

  it('refuses a request from another site (Origin), and posts nothing', async () => {
    const response = await postWith(teams.server.url, messageActivity(connector.url, { text: 'what uses port 8009?' }), { origin: 'https://attacker.example' });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'origin_refused' });
    expect(connector.calls).toEqual([]);
  });

  it.each([
    ['localhost', { host: 'localhost' }],
    ['[::1] with its port', { host: `[::1]:${'PORT'}` }],
    ['a loopback Origin (a local emulator page)', { origin: 'http://localhost:56150' }],
  ])('answers a request with %s', async (_name, headers) => {
    const fixed = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value.replace('PORT', port)]));
    const response = await postWith(teams.server.url, messageActivity(connector.url, { text: 'what uses port 8009?' }), fixed);
    expect(response.status).toBe(200);
    expect(connector.calls).toHaveLength(1);
  });

  it('answers a [::1] serviceUrl there, not with a 500', async () => {
    const ipv6 = await startIpv6Connector();
    try {
      const activity = messageActivity(`${ipv6.url}/`, { text: 'what uses port 8009?' });
      const response = await postActivity(teams.server.url, activity);
      expect(response.status).toBe(200);
      expect(logged(teams.log.lines, 'teams_turn_failed')).toEqual([]);
      expect(ipv6.calls).toHaveLength(1);
      expect(ipv6.calls[0].path).toBe(`/v3/conversations/${(activity.conversation as { id: string }).id}/activities/${String(activity.id)}`);
      expect(JSON.stringify(ipv6.calls[0].body)).toContain('8009');
    } finally {
      await ipv6.close();
    }
  });

  it.each([
    ['not a list', 'everyone'],
    ['a list holding only null', [null]],
    ['an object', { id: BOT.id }],
  ])('ignores a membersAdded that is %s', async (_name, members) => {
    const activity = { ...membersAddedActivity(connector.url, []), membersAdded: members };
    const response = await postActivity(teams.server.url, activity);
    expect(response.status).toBe(200);
    expect(connector.calls).toEqual([]);
    expect(logged(teams.log.lines, 'teams_turn_failed')).toEqual([]);
  });

  it('welcomes once when membersAdded holds null beside the bot', async () => {
    const activity = { ...membersAddedActivity(connector.url, []), membersAdded: [null, { id: 'someone' }, BOT] };
    const response = await postActivity(teams.server.url, activity);
    expect(response.status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    expect(JSON.stringify(connector.calls[0].body)).not.toMatch(/went wrong/i);
    expect(logged(teams.log.lines, 'teams_turn_failed')).toEqual([]);
  });
});

describe('Teams signing keys from an identity provider that never answers', () => {
  const FORGED = 50;
  const AUTH_TIMEOUT_MS = 400;
  let sockets = 0;
  let provider: Server;
  let providerUrl: string;
  let teams: Awaited<ReturnType<typeof startTeams>>;
  const { privateKey } = rsaKeyPair();

  beforeAll(async () => {
    // Accepts every connection and never answers: counts the sockets the bot opens to it.
    provider = createServer(() => undefined);
    provider.on('connection', () => {
      sockets += 1;
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
    teams = await startTeams(AUTHENTICATED_ENV, { authTimeoutMs: AUTH_TIMEOUT_MS, openIdMetadataUrl: providerUrl });
  });
  afterAll(async () => {
    await teams.server.close();
    await closeServer(provider);
  });

  const forged = (i: number) => {
    const activity = messageActivity('https://smba.trafficmanager.net/teams/', { text: `forged ${i}` });
    const token = signToken(privateKey, { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: activity.serviceUrl });
    return postActivity(teams.server.url, activity, { authorization: `Bearer ${token}` });
  };

  it(`opens one socket for ${FORGED} forged tokens at once, refuses them all with 503, and logs the cause once`, async () => {
    const responses = await Promise.all(Array.from({ length: FORGED }, (_, i) => forged(i)));
    expect(responses.map((response) => response.status)).toEqual(Array(FORGED).fill(503));
    expect(Number(responses[0].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(sockets).toBe(1);
    expect(logged(teams.log.lines, 'teams_auth_unavailable')).toHaveLength(1);

    // Once the keys are known to be unreachable, a forged request costs nothing outbound and is refused at once.
    const started = Date.now();
    const more = await Promise.all(Array.from({ length: 20 }, (_, i) => forged(FORGED + i)));
    expect(more.map((response) => response.status)).toEqual(Array(20).fill(503));
    expect(Date.now() - started).toBeLessThan(AUTH_TIMEOUT_MS);
    expect(sockets).toBe(1);
    expect(logged(teams.log.lines, 'teams_auth_unavailable')).toHaveLength(1);
  });
});
