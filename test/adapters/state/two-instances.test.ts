import { SLOW_DOWN } from '../../../adapters/rate-limit';
import { SLACK_ACTIONS } from '../../../src';
import { startRedisServer, type RedisServer } from '../../helpers/redis-server';
import {
  BOT_TOKEN,
  buttonRequest,
  commandRequest,
  eventRequest,
  eventually,
  mention,
  postToSlackEvents,
  signatureHeaders,
  SIGNING_SECRET,
  startFakeSlack,
  tableRows,
  type Blocks,
  type FakeSlack,
} from '../slack/support';
import { cardsOf, messageActivity, postActivity, startConnector, textsOf } from '../teams/support';
import { linesOf, startInstance, type Instance } from './instances';

jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET a path of an instance, as JSON. */
async function getJson(instance: Instance, path: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`${instance.url}${path}`)).json()) as Record<string, unknown>;
}

/** A web tab's question, in its conversation. */
async function askInTab(instance: Instance, tab: string, q: string): Promise<string> {
  const body = (await getJson(instance, `/api/table?q=${encodeURIComponent(q)}&conversation=${tab}`)) as { answer: { understood: string } };
  return body.answer.understood;
}

describe('Two instances sharing one Redis', () => {
  let redis: RedisServer;
  let slack: FakeSlack;
  let first: Instance;
  let second: Instance;

  beforeAll(async () => {
    [redis, slack] = await Promise.all([startRedisServer(), startFakeSlack()]);
    const env = {
      REDIS_URL: redis.url,
      REDIS_PREFIX: `test-${process.pid}:`,
      METRICS: 'true',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    };
    [first, second] = await Promise.all([startInstance(env), startInstance(env)]);
    // Both have reached Redis before the first request.
    for (const instance of [first, second]) await until(async () => ((await getJson(instance, '/healthz')).state === 'shared' ? true : undefined));
  });

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await Promise.all([redis?.stop(), slack?.close()]);
  });

  /** Polls an async probe (eventually() takes a synchronous one). */
  async function until<T>(probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error('timed out waiting');
      await sleep(50);
    }
  }

  it('both report the shared state in /healthz', async () => {
    for (const instance of [first, second]) expect(await getJson(instance, '/healthz')).toMatchObject({ status: 'ok', state: 'shared' });
  });

  it("answers a Slack event once when its retry reaches the other instance", async () => {
    const event = mention('what uses port 1434?');
    const delivery = eventRequest(event);
    expect((await postToSlackEvents(first.url, delivery)).status).toBe(200);
    await eventually(() => slack.posts().find((post) => post.thread_ts === event.ts), 10_000);
    const retry = await fetch(`${second.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': delivery.contentType, 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout', ...signatureHeaders(delivery.body) },
      body: delivery.body,
    });
    expect(retry.status).toBe(200);
    await until(async () => (linesOf(second, 'slack_event_repeated').some((line) => line.eventId === delivery.eventId) ? true : undefined));
    expect(slack.posts().filter((post) => post.thread_ts === event.ts)).toHaveLength(1);
  });

  it('posts a "Share in channel" click once when it is replayed to the other instance', async () => {
    const click = buttonRequest({ action_id: SLACK_ACTIONS.share, value: 'what uses port 8009?' }, { responseUrl: slack.responseUrl('share-twice'), ephemeral: true });
    expect((await postToSlackEvents(first.url, click)).status).toBe(200);
    await eventually(() => slack.responses.find((response) => response.id === 'share-twice'), 10_000);
    expect((await postToSlackEvents(second.url, click)).status).toBe(200);
    await until(async () => (linesOf(second, 'slack_request_replayed').length > 0 ? true : undefined));
    expect(slack.responses.filter((response) => response.id === 'share-twice')).toHaveLength(1);
    expect(slack.responses.find((response) => response.id === 'share-twice')?.body).toMatchObject({ response_type: 'in_channel' });
  });

  it("understands a thread's follow-up on the second instance after its first question went to the first", async () => {
    const question = mention('what ports does the edge server need in occasional BOI?');
    await postToSlackEvents(first.url, eventRequest(question));
    await eventually(() => slack.posts().find((post) => post.thread_ts === question.ts), 10_000);
    await postToSlackEvents(second.url, eventRequest(mention('and in exclusive?', { thread_ts: question.ts })));
    const post = await eventually(() => slack.posts().filter((p) => p.thread_ts === question.ts)[1], 10_000);
    const rows = tableRows(post.blocks as Blocks);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((row) => row.join(' ').includes('DLO Edge Server'))).toBe(true);
    expect(post.text).toContain('exclusive BOI');
  });

  it("keeps a web tab's conversation across instances", async () => {
    await askInTab(first, 'tab-0001-shared', 'what ports does the Edge Server need in exclusive BOI?');
    expect(await askInTab(second, 'tab-0001-shared', 'and in occasional?')).toContain('from your previous question');
  });

  it("keeps a Teams conversation's context across instances", async () => {
    const connector = await startConnector();
    try {
      const conversation = { id: 'a:personal-two-instances', conversationType: 'personal', tenantId: 'tenant' };
      expect((await postActivity(first.url, messageActivity(connector.url, { text: 'what ports does the edge server need in exclusive BOI?', conversation }))).status).toBe(200);
      const followUp = messageActivity(connector.url, { text: 'and in occasional?', conversation });
      expect((await postActivity(second.url, followUp)).status).toBe(200);
      const reply = connector.calls.find((call) => call.path.endsWith(`/activities/${String(followUp.id)}`));
      expect(reply && textsOf(cardsOf(reply)[0])).toContain('**Understood as:** DLO Edge Server (from your previous question), occasional BOI, both directions');
    } finally {
      await connector.close();
    }
  });

  it('holds a user over the limit on one instance over it on the other', async () => {
    const user = 'U0FLOOD';
    const command = (instance: Instance, i: number) => {
      const request = commandRequest(`what uses port ${1000 + i}?`, slack.responseUrl(`flood-${i}`), { user_id: user });
      return postToSlackEvents(instance.url, request).then(async (response) => ((await response.json()) as { text: string }).text);
    };
    for (let i = 0; i < 30; i += 1) expect(await command(first, i)).not.toBe(SLOW_DOWN);
    expect(await command(second, 30)).toBe(SLOW_DOWN);
    const other = commandRequest('what uses port 443?', slack.responseUrl('other-user'), { user_id: 'U0CALM' });
    expect(((await (await postToSlackEvents(second.url, other)).json()) as { text: string }).text).not.toBe(SLOW_DOWN);
  });

  it('counts answers by surface and status in /metrics', async () => {
    await fetch(`${first.url}/api/ask?q=${encodeURIComponent('what uses port 443?')}`);
    await fetch(`${first.url}/api/ask?q=${encodeURIComponent('which ports?')}`);
    const text = await (await fetch(`${first.url}/metrics`)).text();
    expect(text).toMatch(/dlo_answers_total\{surface="api",status="answered",intent="port"\} [1-9]/);
    expect(text).toMatch(/dlo_answers_total\{surface="slack",status="answered",intent="[a-z]+"\} [1-9]/);
    expect(text).toMatch(/dlo_answers_total\{surface="web",status="answered",intent="[a-z]+"\} [1-9]/);
    expect(text).toMatch(/dlo_answers_total\{surface="teams",status="answered",intent="[a-z]+"\} [1-9]/);
    expect(text).toMatch(/dlo_answer_duration_seconds_count\{surface="api"\} [1-9]/);
    expect(text).toMatch(/dlo_shared_state_up 1/);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    // The flood of the test before: the user over the limit, told to slow down.
    expect(await (await fetch(`${second.url}/metrics`)).text()).toMatch(/dlo_rejected_requests_total\{reason="429"\} [1-9]/);
  });

  it('keeps answering with per-process state while Redis is down, warns once each, and shares again once it is back', async () => {
    await redis.stop();
    for (const instance of [first, second]) {
      const health = await until(async () => {
        const body = await getJson(instance, '/healthz');
        return body.status === 'degraded' ? body : undefined;
      });
      expect(health).toMatchObject({ status: 'degraded', state: 'per-process', reason: expect.stringContaining('Redis') });
    }
    // Answers keep coming, several requests each, and a follow-up within one instance still works.
    for (const instance of [first, second]) {
      for (let i = 0; i < 3; i += 1) expect((await fetch(`${instance.url}/api/ask?q=what%20uses%20port%20443%3F`)).status).toBe(200);
      await askInTab(instance, 'tab-0002-outage', 'what ports does the Edge Server need in exclusive BOI?');
      expect(await askInTab(instance, 'tab-0002-outage', 'and in occasional?')).toContain('from your previous question');
      const event = mention('what uses port 1434?');
      await postToSlackEvents(instance.url, eventRequest(event));
      await eventually(() => slack.posts().find((post) => post.thread_ts === event.ts), 10_000);
    }
    await sleep(1500);
    for (const instance of [first, second]) expect(linesOf(instance, 'redis_unavailable')).toHaveLength(1);

    await redis.start();
    for (const instance of [first, second]) {
      await until(async () => ((await getJson(instance, '/healthz')).state === 'shared' ? true : undefined), 20_000);
      expect(linesOf(instance, 'redis_restored')).toHaveLength(1);
    }
    // Shared again: a retry to the other instance is dropped, a tab's follow-up crosses over.
    const event = mention('what uses port 8009?');
    const delivery = eventRequest(event);
    await postToSlackEvents(second.url, delivery);
    await eventually(() => slack.posts().find((post) => post.thread_ts === event.ts), 10_000);
    await postToSlackEvents(first.url, delivery, { ...signatureHeaders(delivery.body), 'x-slack-retry-num': '1' });
    await until(async () => (linesOf(first, 'slack_event_repeated').some((line) => line.eventId === delivery.eventId) ? true : undefined));
    expect(slack.posts().filter((post) => post.thread_ts === event.ts)).toHaveLength(1);
    await askInTab(second, 'tab-0003-back', 'what ports does the Edge Server need in exclusive BOI?');
    expect(await askInTab(first, 'tab-0003-back', 'and in occasional?')).toContain('from your previous question');
  });
});
