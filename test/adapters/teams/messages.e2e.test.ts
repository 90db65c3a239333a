import { createEngine, escapeCardMarkdown, exportAnswer, loadDefaultKnowledge, type Engine } from '../../../src';
import { ConfigError } from '../../../adapters/config-error';
import { createMemoryLogger } from '../../../adapters/logger';
import { startServer } from '../../../adapters/server';
import { buildSurfaces, isOn } from '../../../adapters/surfaces';
import type { Surface, SurfaceDeps } from '../../../adapters/surface';
import { teamsSurface, type TeamsOptions } from '../../../adapters/teams';
import { AUTH_BACKOFF } from '../../../adapters/teams/auth-gate';
import {
  BOT,
  cardsOf,
  membersAddedActivity,
  messageActivity,
  postActivity,
  rsaKeyPair,
  signToken,
  startBlackhole,
  startConnector,
  startTeams,
  tableRowsOf,
  textsOf,
  type ConnectorCall,
} from './support';

const engine = createEngine(loadDefaultKnowledge());
const APP_ID = '00000000-0000-4000-8000-000000000b07';
const AUTHENTICATED_ENV = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' };

/** The one reply a turn posted, checked to be a reply to the incoming activity in its conversation. */
function onlyReplyTo(calls: ConnectorCall[], activity: Record<string, unknown>): ConnectorCall {
  expect(calls).toHaveLength(1);
  const conversationId = (activity.conversation as { id: string }).id;
  expect(calls[0].method).toBe('POST');
  expect(calls[0].path).toBe(`/v3/conversations/${conversationId}/activities/${String(activity.id)}`);
  return calls[0];
}

/** The export parts a turn posted, as the text between their code fences, in order. */
function exportedParts(texts: string[]): { headings: string[]; content: string } {
  const parts = texts.filter((t) => /^\*\*firewall-rules/.test(t));
  const content = parts.map((t) => t.replace(/^[^\n]*\n\n`{3,}\n/, '').replace(/\n`{3,}$/, '\n')).join('');
  return { headings: parts.map((t) => t.split('\n', 1)[0]), content };
}

describe('Teams in local mode (Bot Framework Emulator, Agents Playground)', () => {
  let connector: Awaited<ReturnType<typeof startConnector>>;
  let teams: Awaited<ReturnType<typeof startTeams>>;

  beforeAll(async () => {
    connector = await startConnector();
    teams = await startTeams({});
  });
  afterAll(async () => {
    await teams.server.close();
    await connector.close();
  });
  beforeEach(() => {
    connector.calls.length = 0;
  });

  it('answers a personal chat message with an Adaptive Card table of the matching rules', async () => {
    const activity = messageActivity(connector.url, { text: 'what uses port 8009?' });
    const response = await postActivity(teams.server.url, activity);
    expect(response.status).toBe(200);
    const [card] = cardsOf(onlyReplyTo(connector.calls, activity));
    const texts = textsOf(card);
    expect(texts).toEqual(expect.arrayContaining(['**Understood as:** port 8009, all modes', 'exclusive BOI', 'occasional BOI']));
    expect(tableRowsOf(card)).toEqual([
      ['Dedupe Port', '8009', 'AJP', 'DLO Edge Server', 'DLO Dedupe Server', '—'],
      ['Dedupe Port', '8009', 'AJP', 'DLO Edge Server', 'DLO Dedupe Server', '—'],
    ]);
    expect(card.fallbackText).toContain('Dedupe Port: 8009 AJP, DLO Edge Server -> DLO Dedupe Server');
    // Notifications and previews say the answer, not the question.
    expect(connector.calls[0].body.summary).toBe(engine.ask('what uses port 8009?').summary);
  });

  it('strips the @mention in a group chat and answers with every rule of the question', async () => {
    const question = 'what ports does the edge server need in occasional BOI?';
    const activity = messageActivity(connector.url, {
      text: `<at>${BOT.name}</at> ${question}`,
      conversation: { id: '19:group-chat@unq.gbl.spaces', conversationType: 'groupChat', tenantId: 'tenant' },
      entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
    });
    expect((await postActivity(teams.server.url, activity)).status).toBe(200);
    const cards = cardsOf(onlyReplyTo(connector.calls, activity));
    const expected = engine.ask(question);
    expect(textsOf(cards[0])).toContain(`**You asked:** ${question}`);
    expect(JSON.stringify(cards)).not.toContain('<at>');
    const rows = cards.flatMap(tableRowsOf);
    // Sources are merged as the vendor document prints them: every rule is in one row.
    for (const rule of expected.rules) {
      const row = rows.find((cells) => cells[0] === rule.service && cells[4] === expected.labels[rule.destination] && cells[3].includes(expected.labels[rule.source]));
      expect(row).toBeDefined();
    }
    expect(rows.some((cells) => cells[0] === 'Edge Server Port' && cells[1] === '443' && cells[2] === 'HTTPS')).toBe(true);
  });

  it('follows up within a conversation: "and in occasional?" keeps the component', async () => {
    const conversation = { id: 'a:personal-follow-up', conversationType: 'personal', tenantId: 'tenant' };
    const first = messageActivity(connector.url, { text: 'what ports does the edge server need in exclusive BOI?', conversation });
    await postActivity(teams.server.url, first);
    connector.calls.length = 0;
    const second = messageActivity(connector.url, { text: 'and in occasional?', conversation });
    await postActivity(teams.server.url, second);
    expect(textsOf(cardsOf(onlyReplyTo(connector.calls, second))[0])).toContain('**Understood as:** DLO Edge Server (from your previous question), occasional BOI, both directions');
    connector.calls.length = 0;
    // Another conversation has its own context.
    const elsewhere = messageActivity(connector.url, { text: 'and in occasional?' });
    await postActivity(teams.server.url, elsewhere);
    expect(textsOf(cardsOf(onlyReplyTo(connector.calls, elsewhere))[0])).toContain('**Understood as:** occasional BOI');
  });

  it('replies in the thread of a channel message', async () => {
    const activity = messageActivity(connector.url, {
      id: '1700000000123',
      text: `<at>${BOT.name}</at> is port 1434 needed in non-BOI?`,
      conversation: { id: '19:channel@thread.tacv2;messageid=1700000000123', conversationType: 'channel', tenantId: 'tenant' },
      channelData: { channel: { id: '19:channel@thread.tacv2' }, team: { id: '19:team@thread.tacv2' } },
      entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
    });
    expect((await postActivity(teams.server.url, activity)).status).toBe(200);
    const reply = onlyReplyTo(connector.calls, activity);
    expect(reply.path).toBe('/v3/conversations/19:channel@thread.tacv2;messageid=1700000000123/activities/1700000000123');
    expect(reply.body.replyToId).toBe('1700000000123');
    const [card] = cardsOf(reply);
    expect(textsOf(card)[1]).toMatch(/^Yes/);
    expect(tableRowsOf(card).every((cells) => cells[1] === '1434' && cells[2] === 'UDP')).toBe(true);
  });

  it('welcomes a conversation when the bot is added, with example questions as buttons', async () => {
    const activity = membersAddedActivity(connector.url, [{ id: BOT.id }]);
    expect((await postActivity(teams.server.url, activity)).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    const [card] = cardsOf(connector.calls[0]);
    expect(textsOf(card)[0]).toContain('which firewall ports');
    expect(card.actions?.map((action) => action.data.question)).toEqual(engine.catalog.examples.slice(0, 5));
  });

  it('does not welcome when someone else joins', async () => {
    const response = await postActivity(teams.server.url, membersAddedActivity(connector.url, [{ id: '29:someone-else' }]));
    expect(response.status).toBe(200);
    expect(connector.calls).toHaveLength(0);
  });

  it("asks a suggestion button's question when the button is pressed", async () => {
    const vague = messageActivity(connector.url, { text: 'which ports?' });
    await postActivity(teams.server.url, vague);
    const [clarify] = cardsOf(onlyReplyTo(connector.calls, vague));
    const button = clarify.actions?.find((action) => action.data.question === 'what uses port 90?');
    expect(button).toBeDefined();
    connector.calls.length = 0;

    // Teams posts an Action.Submit as a message with the button's data as `value` and no text.
    const submit = messageActivity(connector.url, { value: button!.data, replyToId: 'reply-1' });
    expect((await postActivity(teams.server.url, submit)).status).toBe(200);
    const [answer] = cardsOf(onlyReplyTo(connector.calls, submit));
    expect(textsOf(answer)).toContain('**You asked:** what uses port 90?');
    expect(tableRowsOf(answer).length).toBeGreaterThan(0);
    expect(tableRowsOf(answer).every((cells) => cells[1].split(',').includes('90'))).toBe(true);
  });

  it('shows markup typed by a user as text, not as links or formatting', async () => {
    const attack = '**urgent** [open me](https://evil.example/x) <at>everyone</at> {{DATE(2017-02-14T06:08:39Z, SHORT)}} _port_ 8009';
    const activity = messageActivity(connector.url, { text: attack });
    expect((await postActivity(teams.server.url, activity)).status).toBe(200);
    const [card] = cardsOf(onlyReplyTo(connector.calls, activity));
    const echo = textsOf(card).find((text) => text.startsWith('**You asked:**'));
    expect(echo).toBe(
      '**You asked:** \\*\\*urgent\\*\\* \\[open me\\](https://evil.example/x) \\<at\\>everyone\\</at\\> \\{\\{DATE(2017-02-14T06:08:39Z, SHORT)\\}\\} \\_port\\_ 8009',
    );
    // The rest of the answer is the engine's, as for any question.
    expect(textsOf(card)).toContain(escapeCardMarkdown(engine.ask(attack).summary));
  });

  it('answers "Sorry, something went wrong" without details when the turn fails, and logs why', async () => {
    const explode = (): never => {
      throw new Error('engine exploded at /secret/path');
    };
    const broken: Engine = { catalog: engine.catalog, browse: (filter) => engine.browse(filter), ask: explode, converse: explode };
    const failing = await startTeams({}, undefined, broken);
    try {
      const activity = messageActivity(connector.url, { text: 'what uses port 8009?' });
      expect((await postActivity(failing.server.url, activity)).status).toBe(200);
      const reply = onlyReplyTo(connector.calls, activity);
      expect(reply.body.text).toMatch(/^Sorry, something went wrong/);
      expect(JSON.stringify(reply.body)).not.toMatch(/exploded|secret|\bat \S+:\d+/);
      expect(failing.log.lines.some((line) => line.includes('teams_turn_failed') && line.includes('engine exploded'))).toBe(true);
    } finally {
      await failing.server.close();
    }
  });

  it.each([
    ['malformed JSON', '{"type": "message",', { 'content-type': 'application/json' }, 400],
    ['a JSON array', '[]', { 'content-type': 'application/json' }, 400],
    ['an object that is no activity', '{"hello": "world"}', { 'content-type': 'application/json' }, 400],
    ['form data', 'type=message', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['an oversized body', JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }), { 'content-type': 'application/json' }, 413],
  ])('refuses %s with a 4xx JSON error and no reply', async (_name, body, headers, status) => {
    const response = await postActivity(teams.server.url, body, headers);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: expect.any(String), message: expect.any(String) });
    expect(connector.calls).toHaveLength(0);
  });

  it('refuses GET with 405', async () => {
    const response = await fetch(`${teams.server.url}/api/messages`);
    expect(response.status).toBe(405);
  });

  it('refuses to reply to a serviceUrl off this machine', async () => {
    const response = await postActivity(teams.server.url, messageActivity('https://attacker.example/', { text: 'what uses port 8009?' }));
    expect(response.status).toBe(403);
    expect(connector.calls).toHaveLength(0);
  });

  describe('When the question asks for an export ("as CSV")', () => {
    const ask = async (text: string) => {
      await postActivity(teams.server.url, messageActivity(connector.url, { text }));
      return connector.calls.map((c) => (c.body as { text?: string }).text ?? '');
    };

    it('answers with the card, then the whole export as a code block', async () => {
      const question = 'export the exclusive BOI rules as CSV';
      const texts = await ask(question);
      expect(connector.calls).toHaveLength(2);
      const expected = exportAnswer(engine.ask(question), engine.catalog);
      const { headings, content } = exportedParts(texts);
      expect(headings).toEqual([`**${expected.filename}**`]);
      // The CSV's CRLF line ends become the message's LF.
      expect(content).toBe(expected.content.replace(/\r\n/g, '\n'));
      expect(texts[1]).not.toContain('\r');
      expect(connector.calls[1].body.summary).toBe(expected.filename);
    });

    it('sends a large export in labelled parts that join back exactly, never cut', async () => {
      const question = 'the entire port list as json';
      const texts = await ask(question);
      const expected = exportAnswer(engine.ask(question), engine.catalog);
      const { headings, content } = exportedParts(texts);
      expect(headings.length).toBeGreaterThan(1);
      expect(headings[0]).toMatch(/\(part 1 of \d+\)\*\*$/);
      expect(connector.calls[1].body.summary).toBe(`${expected.filename} (part 1 of ${headings.length})`);
      expect(content).toBe(expected.content);
      expect(texts.every((t) => t.length < 14_000)).toBe(true);
    });
  });
});

describe('Teams with a Microsoft App ID', () => {
  let connector: Awaited<ReturnType<typeof startConnector>>;
  let blackhole: Awaited<ReturnType<typeof startBlackhole>>;
  let teams: Awaited<ReturnType<typeof startTeams>>;
  let slowTeams: Awaited<ReturnType<typeof startTeams>>;
  const { privateKey } = rsaKeyPair();
  const AUTH_TIMEOUT_MS = 400;

  beforeAll(async () => {
    connector = await startConnector();
    blackhole = await startBlackhole();
    // Microsoft's own metadata URL: unreachable here, so the key fetch fails.
    teams = await startTeams(AUTHENTICATED_ENV, { authTimeoutMs: 1500 });
    slowTeams = await startTeams(AUTHENTICATED_ENV, { authTimeoutMs: AUTH_TIMEOUT_MS, openIdMetadataUrl: `${blackhole.url}/v1/.well-known/openidconfiguration` });
  });
  afterAll(async () => {
    await Promise.all([teams.server.close(), slowTeams.server.close()]);
    await Promise.all([connector.close(), blackhole.close()]);
  });
  beforeEach(() => {
    connector.calls.length = 0;
  });

  const channelToken = (activityServiceUrl: string) =>
    signToken(privateKey, { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: activityServiceUrl });

  /** A refusal says nothing about why: no URL, no error name, no stack. */
  async function expectBareRefusal(response: Response, statuses: number[]): Promise<void> {
    expect(statuses).toContain(response.status);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ error: expect.any(String), message: expect.any(String) });
    expect(body).not.toMatch(/botframework|openid|login\.|https?:|\w+Error|\bat \S+:\d+|ENOTFOUND/i);
    expect(connector.calls).toHaveLength(0);
  }

  it('describes itself with the app id', () => {
    expect(teams.surface.describe('http://127.0.0.1:3978')).toContain(APP_ID);
  });

  it('answers a request without a token with 401 and no reply', async () => {
    const response = await postActivity(teams.server.url, messageActivity(connector.url, { text: 'what uses port 8009?' }));
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    await expectBareRefusal(response, [401]);
  });

  it.each([
    ['a malformed token', 'Bearer not.a.jwt'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['a token from an issuer that is not Bot Framework', `Bearer ${signToken(rsaKeyPair().privateKey, { iss: 'https://evil.example', aud: APP_ID })}`],
  ])('answers %s with 401 and no reply', async (_name, authorization) => {
    const response = await postActivity(teams.server.url, messageActivity(connector.url, { text: 'what uses port 8009?' }), { authorization });
    await expectBareRefusal(response, [401]);
  });

  it("fails closed, quickly and without detail, when a Bot Framework token's signing keys cannot be fetched", async () => {
    const activity = messageActivity(connector.url, { text: 'what uses port 8009?' });
    const started = Date.now();
    const response = await postActivity(teams.server.url, activity, { authorization: `Bearer ${channelToken(connector.url)}` });
    expect(Date.now() - started).toBeLessThan(3000);
    await expectBareRefusal(response, [401, 503]);
    expect(teams.log.lines.some((line) => line.includes('teams_auth_'))).toBe(true);
  });

  it('gives up on an identity provider that never answers after the auth timeout, with 503', async () => {
    const activity = messageActivity(connector.url, { text: 'what uses port 8009?' });
    const started = Date.now();
    const response = await postActivity(slowTeams.server.url, activity, { authorization: `Bearer ${channelToken(connector.url)}` });
    const elapsed = Date.now() - started;
    expect(blackhole.hits()).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThanOrEqual(AUTH_TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(AUTH_TIMEOUT_MS + 1500);
    // Until the first backoff has passed: the provider is not asked again before.
    expect(response.headers.get('retry-after')).toBe(String(AUTH_BACKOFF.firstMs / 1000));
    await expectBareRefusal(response, [503]);
  });
});

describe('Teams configuration at start-up', () => {
  const deps = (host: string): SurfaceDeps => ({ engine, log: createMemoryLogger(), listen: { host, port: 3978 } });

  it('never runs local mode off loopback: with nothing configured, Teams is off there', () => {
    const surface = teamsSurface({}, deps('0.0.0.0'));
    expect(surface).not.toHaveProperty('mount');
    expect(surface).toMatchObject({ name: 'Teams', enableWith: expect.stringMatching(/MicrosoftAppId and MicrosoftAppPassword/) });
    // `npm start` still starts, with the web page, and says how to switch Teams on.
    expect(buildSurfaces({}, deps('0.0.0.0')).map((s) => s.name)).toContain('Teams');
  });

  it('refuses half a configuration wherever it listens', () => {
    expect(() => teamsSurface({ MicrosoftAppPassword: 'x' }, deps('0.0.0.0'))).toThrow(ConfigError);
  });

  it('runs local mode on loopback and an authenticated endpoint anywhere', () => {
    expect(teamsSurface({}, deps('::1'))).toHaveProperty('mount');
    expect(teamsSurface(AUTHENTICATED_ENV, deps('0.0.0.0'))).toHaveProperty('mount');
  });
});
