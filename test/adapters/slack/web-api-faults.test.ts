import type { createMemoryLogger } from '../../../adapters/logger';
import { RETRY_POLICY } from '../../../adapters/slack/retry-policy';
import type { RunningServer } from '../../../adapters/server';
import {
  buttonRequest,
  eventRequest,
  eventually,
  mention,
  postToSlackEvents,
  startFakeSlack,
  startHttpBot,
  tableRows,
  type Blocks,
  type FakeSlack,
} from './support';

describe('Slack Web API faults', () => {
  let slack: FakeSlack;
  let server: RunningServer;
  let log: ReturnType<typeof createMemoryLogger>;

  beforeAll(async () => {
    slack = await startFakeSlack();
    // The very first call is auth.test (on the first request): it fails once, and is retried too.
    slack.injectFaults('auth.test', { status: 500 });
    ({ server, log } = await startHttpBot(slack));
  });
  afterAll(async () => {
    await server.close();
    await slack.close();
  });
  afterEach(() => {
    slack.failAlways('chat.postMessage', undefined);
    slack.failPostsWith(undefined);
  });

  /** Sends a mention; resolves with its event and id once Slack has acknowledged it. */
  async function sendMention(question: string) {
    const event = mention(question);
    const { eventId, ...request } = eventRequest(event);
    expect((await postToSlackEvents(server.url, request)).status).toBe(200);
    return { event, eventId };
  }

  const attemptsIn = (threadTs: unknown) => slack.calls.filter((call) => call.method === 'chat.postMessage' && call.args.thread_ts === threadTs);
  const postsIn = (threadTs: unknown) => slack.posts().filter((post) => post.thread_ts === threadTs);

  it('auth.test failing once (500) on the first request is retried, and the request answered', async () => {
    const { event } = await sendMention('what uses port 8009?');
    await eventually(() => postsIn(event.ts)[0]);
    expect(slack.faulted.filter((fault) => fault.target === 'auth.test')).toHaveLength(1);
    expect(slack.calls.filter((call) => call.method === 'auth.test' && call.status === 200)).toHaveLength(1);
  });

  it('a 500 once, then OK: retried after a short backoff, and exactly one message posted', async () => {
    slack.injectFaults('chat.postMessage', { status: 500 });
    const { event } = await sendMention('what uses port 8009?');
    const post = await eventually(() => postsIn(event.ts)[0]);
    expect(tableRows(post.blocks as Blocks)).toHaveLength(2);
    const [failed, retried] = attemptsIn(event.ts);
    expect([failed.status, retried.status]).toEqual([500, 200]);
    expect(retried.at - failed.at).toBeGreaterThanOrEqual(RETRY_POLICY.backoffMs - 20);
    await sendMention('what uses port 3999?').then(({ event: later }) => eventually(() => postsIn(later.ts)[0]));
    expect(postsIn(event.ts)).toHaveLength(1);
  });

  it('a 429 ratelimited with Retry-After: 1 once: retried after that second, and exactly one message posted', async () => {
    slack.injectFaults('chat.postMessage', { status: 429, retryAfter: 1 });
    const { event } = await sendMention('what uses port 1434?');
    await eventually(() => postsIn(event.ts)[0]);
    const [limited, retried] = attemptsIn(event.ts);
    expect([limited.status, retried.status]).toEqual([429, 200]);
    expect(retried.at - limited.at).toBeGreaterThanOrEqual(980);
    await sendMention('what uses port 3999?').then(({ event: later }) => eventually(() => postsIn(later.ts)[0]));
    expect(postsIn(event.ts)).toHaveLength(1);
  });

  it('a Retry-After longer than an answer can wait is not waited for: the failure is logged at once', async () => {
    slack.injectFaults('chat.postMessage', { status: 429, retryAfter: 600 }, { status: 429, retryAfter: 600 });
    const started = Date.now();
    const { eventId } = await sendMention('what uses port 1433?');
    const line = await eventually(() => log.lines.find((l) => l.includes('"slack_sorry_failed"') && l.includes(eventId)));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(JSON.parse(line).error.code).toBe('slack_webapi_rate_limited_error');
  });

  it('a 500 every time: bounded retries, the error logged, no crash, and the next request answered normally', async () => {
    slack.failAlways('chat.postMessage', { status: 500 });
    const { event, eventId } = await sendMention('what uses port 443?');
    const failed = await eventually(() => log.lines.find((l) => l.includes('"slack_reply_failed"') && l.includes(eventId)));
    expect(JSON.parse(failed)).toMatchObject({ level: 'error', eventId, channel: 'C0CHAN', error: { code: 'slack_webapi_http_error' } });
    await eventually(() => log.lines.find((l) => l.includes('"slack_sorry_failed"') && l.includes(eventId)));
    // The answer and the "Sorry" each tried 1 + RETRY_POLICY.retries times, no more.
    expect(attemptsIn(event.ts)).toHaveLength(2 * (1 + RETRY_POLICY.retries));

    slack.failAlways('chat.postMessage', undefined);
    const { event: next } = await sendMention('what uses port 8009?');
    const post = await eventually(() => postsIn(next.ts)[0]);
    expect(tableRows(post.blocks as Blocks)).toHaveLength(2);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('an error Slack means (channel_not_found) is not retried', async () => {
    slack.failPostsWith('channel_not_found');
    const { event, eventId } = await sendMention('what uses port 443?');
    await eventually(() => log.lines.find((l) => l.includes('"slack_sorry_failed"') && l.includes(eventId)));
    // One attempt for the answer, one for the "Sorry".
    expect(attemptsIn(event.ts)).toHaveLength(2);
  });

  it('a response_url answering 500 once is retried: the shared answer arrives once', async () => {
    slack.injectFaults('response', { status: 500 });
    const responseUrl = slack.responseUrl('share-after-500');
    await postToSlackEvents(server.url, buttonRequest({ action_id: 'dlo_share', value: 'what uses port 8009?' }, { responseUrl, ephemeral: true }));
    const shared = await eventually(() => slack.responses.find((response) => response.id === 'share-after-500'));
    // The answer itself, not the "Sorry" that would follow a failure.
    expect(shared.body.response_type).toBe('in_channel');
    expect(JSON.stringify(shared.body.blocks)).toContain('Shared by <@U0ADMIN>');
    expect(slack.faulted.filter((fault) => fault.target === 'response')).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, RETRY_POLICY.backoffMs * 2));
    expect(slack.responses.filter((response) => response.id === 'share-after-500')).toHaveLength(1);
  });
});
