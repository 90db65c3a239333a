import type { Engine } from '../../../src';
import type { createMemoryLogger } from '../../../adapters/logger';
import type { RunningServer } from '../../../adapters/server';
import type { Surface } from '../../../adapters/surface';
import { engine } from '../../helpers/engine';
import {
  BOT_ID,
  BOT_TOKEN,
  BOT_USER,
  SIGNING_SECRET,
  buttonRequest,
  buttons,
  commandRequest,
  directMessage,
  eventRequest,
  eventually,
  mention,
  nextTs,
  postToSlackEvents,
  preformattedText,
  signatureHeaders,
  startConnectProxy,
  startFakeSlack,
  startHttpBot,
  tableRows,
  type Blocks,
  type FakeSlack,
} from './support';

// The engine, except that a question containing EXPLODE throws, with a token in its message.
const explode = (question: string) => {
  if (question.includes('EXPLODE')) throw new Error(`engine failure near ${BOT_TOKEN} at /srv/engine.ts:42`);
};
const explodingEngine: Engine = {
  ...engine,
  ask: (question) => (explode(question), engine.ask(question)),
  converse: (question, context) => (explode(question), engine.converse(question, context)),
};

// One user asks every question here: a limit well above what the suite asks (the limit has its own tests).
const startSlackServer = (slack: FakeSlack, env: NodeJS.ProcessEnv = {}) =>
  startHttpBot(slack, { env, engine: explodingEngine, options: { rateLimit: { perMinute: 1000 } } });

const blocksOf = (message: Record<string, unknown>) => message.blocks as Blocks;
const portsColumn = (blocks: Blocks) => tableRows(blocks).map((row) => row[row.length - 5]);

describe('Slack in HTTP mode, on the shared server', () => {
  let slack: FakeSlack;
  let server: RunningServer;
  let log: ReturnType<typeof createMemoryLogger>;
  let surface: Surface;

  beforeAll(async () => {
    slack = await startFakeSlack();
    ({ server, log, surface } = await startSlackServer(slack));
  });
  afterAll(async () => {
    await server.close();
    await slack.close();
  });

  /** Sends one mention and waits for the answer posted in its thread. */
  async function ask(event: Record<string, unknown>) {
    const request = eventRequest(event);
    const response = await postToSlackEvents(server.url, request);
    expect(response.status).toBe(200);
    return eventually(() => slack.posts().find((post) => post.thread_ts === event.ts));
  }

  /** Waits until a marker question is answered: everything sent before it has been handled. */
  async function barrier(): Promise<void> {
    await ask(mention('what uses port 3999?'));
  }

  it('describes itself with its route on the shared server', () => {
    expect(surface.name).toBe('Slack (HTTP mode)');
    expect(surface.describe(server.url)).toBe(`Slack (HTTP mode): ${server.url}/slack/events (any workspace)`);
  });

  describe('a mention in a channel', () => {
    it('is answered in a new thread under that message, with the rules as a table', async () => {
      const event = mention('what uses port 8009?');
      const post = await ask(event);
      expect(post).toMatchObject({ channel: 'C0CHAN', thread_ts: event.ts });
      const rows = tableRows(blocksOf(post));
      expect(rows).toHaveLength(2);
      expect(portsColumn(blocksOf(post))).toEqual(['8009', '8009']);
      expect(rows.map((row) => row[0])).toEqual(['exclusive BOI', 'occasional BOI']);
      expect(post.text).toContain('2 rules');
    });

    it('asked inside a thread is answered in that thread', async () => {
      const threadTs = nextTs();
      const event = mention('what uses port 1434?', { thread_ts: threadTs });
      const request = eventRequest(event);
      await postToSlackEvents(server.url, request);
      const post = await eventually(() => slack.posts().find((p) => p.thread_ts === threadTs));
      expect(portsColumn(blocksOf(post)).every((ports) => ports === '1434')).toBe(true);
    });

    it('is a conversation: a follow-up in the thread takes what it leaves out from before', async () => {
      const first = mention('what ports does the edge server need in occasional BOI?');
      await ask(first);
      const followUp = mention('and in exclusive?', { thread_ts: first.ts });
      await postToSlackEvents(server.url, eventRequest(followUp));
      const post = await eventually(() => slack.posts().filter((p) => p.thread_ts === first.ts)[1]);
      const rows = tableRows(blocksOf(post));
      expect(rows.length).toBeGreaterThan(5);
      expect(rows.every((row) => row.join(' ').includes('DLO Edge Server'))).toBe(true);
      expect(post.text).toContain('exclusive BOI');
    });

    it('the same follow-up in another thread stands alone', async () => {
      const post = await ask(mention('and in exclusive?'));
      expect(String(post.text).startsWith(engine.ask('and in exclusive?').summary)).toBe(true);
    });

    it('asking for help gets the usage, with example questions as buttons', async () => {
      const post = await ask(mention('help'));
      expect(JSON.stringify(post.blocks)).toContain('/dlo-ports QUESTION');
      expect(buttons(blocksOf(post)).map((button) => button.value)).toEqual(engine.catalog.examples);
    });
  });

  describe('a direct message', () => {
    it('is answered in the DM, not in a thread', async () => {
      const before = slack.posts().length;
      await postToSlackEvents(server.url, eventRequest(directMessage('which ports does the edge server need in occasional BOI?')));
      const post = await eventually(() => slack.posts().slice(before).find((p) => p.channel === 'D0DM'));
      expect(post.thread_ts).toBeUndefined();
      expect(tableRows(blocksOf(post)).length).toBeGreaterThan(5);
      expect(tableRows(blocksOf(post)).every((row) => row.join(' ').includes('DLO Edge Server'))).toBe(true);
    });

    it('is a conversation too: a follow-up in the DM continues the question before it', async () => {
      const before = slack.posts().length;
      await postToSlackEvents(server.url, eventRequest(directMessage('what does the dedupe server need in non-BOI?', { channel: 'D0FOLLOW' })));
      await eventually(() => slack.posts().slice(before).find((p) => p.channel === 'D0FOLLOW'));
      await postToSlackEvents(server.url, eventRequest(directMessage('and in exclusive BOI?', { channel: 'D0FOLLOW' })));
      const post = await eventually(() => slack.posts().slice(before).filter((p) => p.channel === 'D0FOLLOW')[1]);
      expect(post.text).toContain('exclusive BOI');
      expect(tableRows(blocksOf(post)).every((row) => row.join(' ').includes('DLO Dedupe Server'))).toBe(true);
    });

    it.each([
      ['the bot itself', { user: BOT_USER, bot_id: BOT_ID }],
      ['another bot', { user: 'U0OTHERBOT', bot_id: 'B0OTHER' }],
      ['an edit', { subtype: 'message_changed', message: { text: 'what uses 8009?' } }],
    ])('from %s gets no answer', async (_who, fields) => {
      const before = slack.posts().length;
      await postToSlackEvents(server.url, eventRequest(directMessage('what uses port 8009?', fields)));
      await barrier();
      expect(slack.posts().slice(before)).toHaveLength(1);
    });
  });

  describe('retries and duplicates', () => {
    it('a retried event (x-slack-retry-num) produces exactly one answer', async () => {
      const event = mention('what uses port 8443?');
      const request = eventRequest(event);
      expect((await postToSlackEvents(server.url, request)).status).toBe(200);
      await eventually(() => slack.posts().find((p) => p.thread_ts === event.ts));
      const retry = await postToSlackEvents(server.url, request, {
        ...signatureHeaders(request.body),
        'x-slack-retry-num': '1',
        'x-slack-retry-reason': 'http_timeout',
      });
      expect(retry.status).toBe(200);
      await barrier();
      expect(slack.posts().filter((p) => p.thread_ts === event.ts)).toHaveLength(1);
    });

    it('the same event_id delivered twice, even at once, produces exactly one answer', async () => {
      const event = mention('what uses port 7080?');
      const request = eventRequest(event);
      await Promise.all([postToSlackEvents(server.url, request), postToSlackEvents(server.url, request)]);
      await barrier();
      expect(slack.posts().filter((p) => p.thread_ts === event.ts)).toHaveLength(1);
    });
  });

  describe('request signatures', () => {
    const forged = { ...signatureHeaders('something else', SIGNING_SECRET) };
    it.each([
      ['forged (wrong secret)', (body: string) => signatureHeaders(body, 'not-the-secret')],
      ['forged (signature of another body)', () => forged],
      ['unsigned', () => ({})],
      ['stale (10 minutes old)', (body: string) => signatureHeaders(body, SIGNING_SECRET, Math.floor(Date.now() / 1000) - 600)],
    ])('%s: 401 and nothing posted', async (_kind, headers) => {
      const before = slack.calls.length;
      const event = mention('what uses port 8009?');
      const request = eventRequest(event);
      const response = await postToSlackEvents(server.url, request, headers(request.body));
      expect(response.status).toBe(401);
      await barrier();
      expect(slack.posts().filter((p) => p.thread_ts === event.ts)).toHaveLength(0);
      expect(slack.calls.slice(before).filter((call) => call.method === 'chat.postMessage')).toHaveLength(1);
    });

    it('a forged slash command gets 401 and no answer in the response', async () => {
      const request = commandRequest('what uses port 8009?', slack.responseUrl('forged'));
      const response = await postToSlackEvents(server.url, request, signatureHeaders(request.body, 'not-the-secret'));
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('');
    });
  });

  describe('the /dlo-ports slash command', () => {
    async function command(text: string) {
      const response = await postToSlackEvents(server.url, commandRequest(text, slack.responseUrl('cmd')));
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown> & { blocks: Blocks };
    }

    it('answers in its acknowledgement, only to the caller, with the table and a share button', async () => {
      const answer = await command('what uses port 8009?');
      expect(answer.response_type).toBe('ephemeral');
      expect(portsColumn(answer.blocks)).toEqual(['8009', '8009']);
      expect(buttons(answer.blocks)).toContainEqual(expect.objectContaining({ action_id: 'dlo_share', value: 'what uses port 8009?' }));
    });

    it.each(['', 'help', '  HELP '])('%j shows the usage with the example questions', async (text) => {
      const answer = await command(text);
      expect(answer.response_type).toBe('ephemeral');
      expect(JSON.stringify(answer.blocks)).toContain('/dlo-ports QUESTION');
      expect(buttons(answer.blocks).map((button) => button.value)).toEqual(engine.catalog.examples);
    });

    it('"Share in channel" posts the same answer to the channel through the response_url', async () => {
      const responseUrl = slack.responseUrl('share-1');
      const click = buttonRequest({ action_id: 'dlo_share', value: 'what uses port 8009?' }, { responseUrl, ephemeral: true });
      expect((await postToSlackEvents(server.url, click)).status).toBe(200);
      const shared = await eventually(() => slack.responses.find((r) => r.id === 'share-1'));
      expect(shared.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
      expect(portsColumn(shared.body.blocks as Blocks)).toEqual(['8009', '8009']);
      expect(JSON.stringify(shared.body.blocks)).toContain('Shared by <@U0ADMIN>');
      expect(buttons(shared.body.blocks as Blocks).map((button) => button.action_id)).not.toContain('dlo_share');
    });

    it('a clarify answer offers its suggestions as buttons; one click answers privately', async () => {
      const answer = await command('which ports?');
      const suggestions = buttons(answer.blocks).filter((button) => button.action_id.startsWith('dlo_ask_'));
      expect(suggestions.length).toBeGreaterThan(0);
      const first = suggestions[0];
      const click = buttonRequest({ action_id: first.action_id, value: first.value }, { responseUrl: slack.responseUrl('ask-1'), ephemeral: true });
      await postToSlackEvents(server.url, click);
      const reply = await eventually(() => slack.responses.find((r) => r.id === 'ask-1'));
      expect(reply.body.response_type).toBe('ephemeral');
      expect(tableRows(reply.body.blocks as Blocks).length).toBeGreaterThan(0);
      expect(reply.body.text).toBe(engine.ask(first.value).text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    });

    it('an unknown question says so and offers what it can answer', async () => {
      const answer = await command('what ports does oracle need?');
      expect(JSON.stringify(answer.blocks)).toContain('oracle');
      expect(buttons(answer.blocks).some((button) => button.action_id.startsWith('dlo_ask_'))).toBe(true);
      expect(tableRows(answer.blocks)).toHaveLength(0);
    });
  });

  describe('buttons on posted messages', () => {
    /** Clicks a button on a message the bot posted in a thread; resolves with the reply in that thread. */
    async function clickInThread(button: { action_id: string; value: string }) {
      const threadTs = nextTs();
      await postToSlackEvents(server.url, buttonRequest(button, { responseUrl: slack.responseUrl('x'), ephemeral: false, threadTs }));
      return eventually(() => slack.posts().find((p) => p.thread_ts === threadTs));
    }

    it('a suggestion clicked in a thread is answered in that thread', async () => {
      const post = await clickInThread({ action_id: 'dlo_ask_0', value: 'what uses port 90?' });
      expect(post.channel).toBe('C0CHAN');
      expect(portsColumn(blocksOf(post)).every((ports) => ports === '90')).toBe(true);
    });

    it('"Show as CSV" posts every rule as CSV, in labelled parts where it takes several messages', async () => {
      const first = await clickInThread({ action_id: 'dlo_csv', value: 'the entire port list' });
      const parts = await eventually(() => {
        const thread = slack.posts().filter((p) => p.thread_ts === first.thread_ts);
        return thread.length === 2 ? thread : undefined;
      });
      expect(parts.map((part) => part.text)).toEqual([expect.stringMatching(/\(part 1 of 2\)$/), expect.stringMatching(/\(part 2 of 2\)$/)]);
      const csv = preformattedText(parts);
      expect(csv.trim().split(/\r?\n/)).toHaveLength(engine.ask('the entire port list').rules.length + 1);
    });
  });

  describe('what users type', () => {
    it('cannot make the bot post @channel, @here, a mention or a link', async () => {
      const injection =
        'what uses port 8009? <!channel> <!here|here> <!everyone> <@U0VICTIM> <#C0OTHER|general> ' +
        '<https://evil.example/login|click here> &lt;!channel&gt; &lt;https://evil.example|x&gt;';
      const post = await ask(mention(injection));
      const posted = JSON.stringify({ text: post.text, blocks: post.blocks });
      expect(posted).not.toMatch(/<[!@#]/);
      expect(posted).not.toMatch(/<https?:/);
      expect(portsColumn(blocksOf(post))).toEqual(['8009', '8009']);
    });

    it('a 100 KB message is refused politely, without echoing it back', async () => {
      const huge = `what uses port ${'8009 '.repeat(20_000)}`;
      const request = eventRequest(mention(huge));
      expect(request.body.length).toBeGreaterThan(100_000);
      const event = JSON.parse(request.body).event as Record<string, unknown>;
      expect((await postToSlackEvents(server.url, request)).status).toBe(200);
      const post = await eventually(() => slack.posts().find((p) => p.thread_ts === event.ts));
      expect(post.text).toContain('over 4,000 characters');
      expect(JSON.stringify(post).length).toBeLessThan(10_000);
    });

    it('an answer too long for one table merges sources into one cell per row, as the document does', async () => {
      const post = await ask(mention('the entire port list'));
      const all = engine.ask('the entire port list').rules.length;
      const rows = tableRows(blocksOf(post));
      expect(all).toBeGreaterThan(99);
      expect(rows.length).toBeLessThanOrEqual(99);
      expect(rows.some((row) => row[4].includes(', '))).toBe(true);
      const flows = rows.reduce((sum, row) => sum + row[4].split(', ').length, 0);
      expect(flows).toBe(all);
      expect(post.text).toContain(`${all} rules`);
    });
  });

  describe('failures', () => {
    it('answers "Sorry, something went wrong" in the thread and logs the ids, without stack or token', async () => {
      const event = mention('what uses EXPLODE?');
      const { eventId, ...request } = eventRequest(event);
      await postToSlackEvents(server.url, request);
      const post = await eventually(() => slack.posts().find((p) => p.thread_ts === event.ts));
      expect(post.text).toMatch(/^Sorry, something went wrong/);
      expect(JSON.stringify(post)).not.toMatch(/xoxb|engine\.ts|at \//);
      const line = await eventually(() => log.lines.find((l) => l.includes('slack_reply_failed') && l.includes(eventId)));
      expect(JSON.parse(line)).toMatchObject({ level: 'error', eventId, channel: 'C0CHAN', ts: event.ts });
    });

    it('a failing slash command answers "Sorry, something went wrong" privately', async () => {
      const response = await postToSlackEvents(server.url, commandRequest('EXPLODE', slack.responseUrl('cmd')));
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toEqual({ response_type: 'ephemeral', text: expect.stringMatching(/^Sorry, something went wrong/) });
    });

    it('when Slack refuses the post, the failure is logged and nothing is retried forever', async () => {
      slack.failPostsWith('channel_not_found');
      try {
        const event = mention('what uses port 443?');
        const { eventId, ...request } = eventRequest(event);
        await postToSlackEvents(server.url, request);
        const line = await eventually(() => log.lines.find((l) => l.includes('slack_sorry_failed') && l.includes(eventId)));
        expect(line).toContain('channel_not_found');
        expect(line).not.toContain(BOT_TOKEN);
      } finally {
        slack.failPostsWith(undefined);
      }
    });
  });

  it('every Web API call carried the bot token, and auth.test was asked once', () => {
    expect(slack.calls.every((call) => call.authorization === `Bearer ${BOT_TOKEN}`)).toBe(true);
    expect(slack.calls.filter((call) => call.method === 'auth.test')).toHaveLength(1);
  });
});

describe('Slack in HTTP mode behind HTTPS_PROXY', () => {
  it('sends its Web API calls through the proxy', async () => {
    const slack = await startFakeSlack();
    const proxy = await startConnectProxy();
    const { server } = await startSlackServer(slack, { HTTPS_PROXY: proxy.url });
    try {
      const event = mention('what uses port 8009?');
      await postToSlackEvents(server.url, eventRequest(event));
      await eventually(() => slack.posts().find((p) => p.thread_ts === event.ts));
      expect(proxy.tunnels).toContain(new URL(slack.apiUrl).host);
    } finally {
      await server.close();
      await proxy.close();
      await slack.close();
    }
  });
});
