import { createHmac } from 'node:crypto';
import type { RunningServer } from '../../../adapters/server';
import type { createMemoryLogger } from '../../../adapters/logger';
import {
  SIGNING_SECRET,
  buttonRequest,
  commandRequest,
  eventRequest,
  eventually,
  nextTs,
  postToSlackEvents,
  signatureHeaders,
  startFakeSlack,
  startHttpBot,
  type FakeSlack,
} from './support';

const now = () => Math.floor(Date.now() / 1000);
const DAY = 24 * 60 * 60;
const logged = (log: ReturnType<typeof createMemoryLogger>, event: string) => log.lines.filter((line) => line.includes(`"event":"${event}"`));

describe('Slack requests: what a forger or a replayer sends, over HTTP', () => {
  let slack: FakeSlack;
  let server: RunningServer;
  let log: ReturnType<typeof createMemoryLogger>;

  beforeAll(async () => {
    slack = await startFakeSlack();
    ({ server, log } = await startHttpBot(slack, { options: { rateLimit: { perMinute: 1000 } } }));
  });
  afterAll(async () => {
    await server.close();
    await slack.close();
  });

  it('refuses a v1 signature, even one made with the signing secret', async () => {
    const request = commandRequest('what uses port 8009?', slack.responseUrl('v1'));
    const timestamp = now();
    const v1 = createHmac('sha256', SIGNING_SECRET).update(`v1:${timestamp}:${request.body}`).digest('hex');
    const response = await postToSlackEvents(server.url, request, { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v1=${v1}` });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'unauthorized', message: expect.any(String) });
  });

  it.each([
    ['a day ahead', String(now() + DAY)],
    ['ten years ahead', String(now() + 3650 * DAY)],
    ['six minutes ahead', String(now() + 6 * 60)],
    ['six minutes old', String(now() - 6 * 60)],
    ['Infinity', 'Infinity'],
    ['a fraction', `${now()}.5`],
    ['in exponent form', '1e10'],
  ])('refuses a correctly signed request dated %s', async (_when, timestamp) => {
    const request = commandRequest('what uses port 8009?', slack.responseUrl('dated'));
    const signature = createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${request.body}`).digest('hex');
    const response = await postToSlackEvents(server.url, request, { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': `v0=${signature}` });
    expect(response.status).toBe(401);
  });

  it('accepts a request dated four minutes ahead or behind (clocks drift)', async () => {
    for (const offset of [4 * 60, -4 * 60]) {
      const request = commandRequest('what uses port 8009?', slack.responseUrl('drift'));
      const response = await postToSlackEvents(server.url, request, signatureHeaders(request.body, SIGNING_SECRET, now() + offset));
      expect(response.status).toBe(200);
      expect(JSON.stringify(await response.json())).toContain('8009');
    }
  });

  it('answers a slash command replayed three times once', async () => {
    const request = commandRequest('what uses port 8009?', slack.responseUrl('replayed-command'));
    const headers = signatureHeaders(request.body);
    const before = logged(log, 'answered').length;
    const responses = [];
    for (let i = 0; i < 3; i++) responses.push(await postToSlackEvents(server.url, request, headers));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(bodies[0]).toContain('8009');
    expect(bodies.slice(1)).toEqual(['', '']);
    expect(logged(log, 'answered').length - before).toBe(1);
    expect(logged(log, 'slack_request_replayed').length).toBeGreaterThanOrEqual(2);
  });

  it('posts one "Share in channel" click replayed three times once', async () => {
    const click = buttonRequest({ action_id: 'dlo_share', value: 'what uses port 8009?' }, { responseUrl: slack.responseUrl('replayed-share'), ephemeral: true });
    const headers = signatureHeaders(click.body);
    for (let i = 0; i < 3; i++) expect((await postToSlackEvents(server.url, click, headers)).status).toBe(200);
    await eventually(() => slack.responses.find((r) => r.id === 'replayed-share'));
    // A second post would have arrived by the time a fresh request is answered after it.
    const fresh = buttonRequest({ action_id: 'dlo_share', value: 'edge server' }, { responseUrl: slack.responseUrl('after-replays'), ephemeral: true });
    await postToSlackEvents(server.url, fresh);
    await eventually(() => slack.responses.find((r) => r.id === 'after-replays'));
    expect(slack.responses.filter((r) => r.id === 'replayed-share')).toHaveLength(1);
  });

  it('answers the same command sent again as a new request (new timestamp, new trigger) as usual', async () => {
    const first = commandRequest('edge server', slack.responseUrl('again'));
    const second = commandRequest('edge server', slack.responseUrl('again'));
    for (const request of [first, second]) expect(JSON.stringify(await (await postToSlackEvents(server.url, request)).json())).toContain('Edge Server');
  });

  it('answers an app mention that has no text with the usage, in its thread, instead of an error', async () => {
    const ts = nextTs();
    const { body } = eventRequest({ type: 'app_mention', user: 'U0ADMIN', ts, channel: 'C0CHAN' });
    const response = await postToSlackEvents(server.url, { body, contentType: 'application/json' });
    expect(response.status).toBe(200);
    const post = await eventually(() => slack.posts().find((p) => p.thread_ts === ts));
    expect(JSON.stringify(post)).toContain('/dlo-ports QUESTION');
    expect(JSON.stringify(post)).not.toMatch(/went wrong/i);
    expect(logged(log, 'slack_reply_failed')).toEqual([]);
  });
});
