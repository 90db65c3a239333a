import { createEngine, loadDefaultKnowledge, type Engine } from '../../../src';
import { createMemoryLogger } from '../../../adapters/logger';
import { startServer } from '../../../adapters/server';
import { buildSurfaces, isOn } from '../../../adapters/surfaces';
import type { Surface, SurfaceDeps } from '../../../adapters/surface';
import { teamsSurface, type TeamsOptions } from '../../../adapters/teams';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { adaptiveCardSchema, type AdaptiveCard } from '../../../src';
import { adaptiveCardProblems } from '../../helpers/adaptive-cards';

/** One request the bot made to the Bot Framework connector (our loopback stand-in for it). */
export interface ConnectorCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** A loopback Bot Framework connector that records what the bot posts and answers 200. */
export async function startConnector(): Promise<TestServer & { calls: ConnectorCall[] }> {
  const calls: ConnectorCall[] = [];
  const server = createServer(async (req, res) => {
    const text = await readBody(req);
    calls.push({ method: req.method ?? '', path: decodeURIComponent(req.url ?? ''), body: text ? JSON.parse(text) : {} });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `reply-${calls.length}` }));
  });
  return { ...(await listen(server)), calls };
}

/** An identity provider that accepts connections and never answers: a blackholed metadata URL. */
export async function startBlackhole(): Promise<TestServer & { hits: () => number }> {
  let hits = 0;
  const server = createServer(() => {
    hits += 1;
  });
  return { ...(await listen(server)), hits: () => hits };
}

/** An identity provider serving OpenID metadata and one signing key, as login.botframework.com does. */
export async function startIdentityProvider(publicKey: KeyObject, kid: string): Promise<TestServer> {
  let base = '';
  const server = createServer((req, res) => {
    const body =
      req.url === '/keys'
        ? { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, kty: 'RSA', use: 'sig', endorsements: ['msteams', 'emulator'] }] }
        : { issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys` };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  const running = await listen(server);
  base = running.url;
  return { ...running, url: `${running.url}/v1/.well-known/openidconfiguration` };
}

function listen(server: Server): Promise<TestServer> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export const BOT = { id: '28:bot-id', name: 'DLO Ports' };
export const USER = { id: '29:user-id', name: 'Pat Admin', aadObjectId: '00000000-0000-4000-8000-00000000aaaa' };

let sequence = 0;

/** A Teams message activity, as the channel posts it to /api/messages. */
export function messageActivity(serviceUrl: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    type: 'message',
    id: `17000000000${sequence}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: USER,
    recipient: BOT,
    conversation: { id: `a:personal-chat-${sequence}`, conversationType: 'personal', tenantId: 'tenant' },
    textFormat: 'plain',
    locale: 'en-US',
    ...fields,
  };
}

/** The bot added to a conversation (or, with other members, someone else added). */
export function membersAddedActivity(serviceUrl: string, members: { id: string }[]): Record<string, unknown> {
  sequence += 1;
  return {
    type: 'conversationUpdate',
    id: `f:${sequence}`,
    channelId: 'msteams',
    serviceUrl,
    from: USER,
    recipient: BOT,
    conversation: { id: `19:team-${sequence}@thread.tacv2`, conversationType: 'channel', tenantId: 'tenant' },
    membersAdded: members,
  };
}

/** POSTs a body to the server's /api/messages. */
export function postActivity(baseUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The Adaptive Cards of a connector call, checked by the official adaptivecards parser and against the renderer's schema. */
export function cardsOf(call: ConnectorCall): AdaptiveCard[] {
  const attachments = (call.body.attachments ?? []) as { contentType: string; content: unknown }[];
  return attachments.map((attachment) => {
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(adaptiveCardProblems(attachment.content)).toEqual([]);
    return adaptiveCardSchema.parse(attachment.content);
  });
}

/** Every TextBlock text of a card, tables included, in order. */
export function textsOf(card: AdaptiveCard): string[] {
  return card.body.flatMap((element) =>
    element.type === 'TextBlock' ? [element.text] : element.rows.flatMap((row) => row.cells.flatMap((cell) => cell.items.map((item) => item.text))),
  );
}

/** The data rows of every table of a card, as cell texts. */
export function tableRowsOf(card: AdaptiveCard): string[][] {
  return card.body.flatMap((element) =>
    element.type === 'Table' ? element.rows.slice(1).map((row) => row.cells.map((cell) => cell.items.map((item) => item.text).join(' '))) : [],
  );
}

export function rsaKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

/** A compact RS256 JWT, signed the way Bot Framework signs its tokens. */
export function signToken(privateKey: KeyObject, claims: Record<string, unknown>, kid = 'test-key'): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode({ iat: now, nbf: now - 60, exp: now + 3600, ...claims })}`;
  return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
}

const defaultEngine = createEngine(loadDefaultKnowledge());

/**
 * The real server on 127.0.0.1:0. Without options, with the surfaces `npm start` builds from the
 * environment; with options (test seams), with the Teams surface alone.
 */
export async function startTeams(env: NodeJS.ProcessEnv, options?: TeamsOptions, botEngine: Engine = defaultEngine) {
  const log = createMemoryLogger();
  const deps: SurfaceDeps = { engine: botEngine, log, listen: { host: '127.0.0.1', port: 0 } };
  const surfaces = options ? [teamsSurface(env, deps, options) as Surface] : buildSurfaces(env, deps).filter(isOn);
  const surface = surfaces.find((candidate) => candidate.name === 'Teams')!;
  const server = await startServer({ engine: botEngine, log, knowledgeVersion: 'test', surfaces, host: '127.0.0.1', port: 0, drainMs: 200 });
  return { server, log, surface };
}

/** A loopback connector and the bot in local mode, for the tests of one describe; the calls are cleared before each test. */
export function localTeamsPerDescribe() {
  const running = {} as { connector: Awaited<ReturnType<typeof startConnector>>; teams: Awaited<ReturnType<typeof startTeams>> };
  beforeAll(async () => {
    running.connector = await startConnector();
    running.teams = await startTeams({});
  });
  afterAll(async () => {
    await running.teams.server.close();
    await running.connector.close();
  });
  beforeEach(() => {
    running.connector.calls.length = 0;
  });
  return running;
}
