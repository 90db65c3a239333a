import type { RunningServer } from '../../../adapters/server';
import { SLOW_DOWN } from '../../../adapters/rate-limit';
import type { createMemoryLogger } from '../../../adapters/logger';
import type { Surface } from '../../../adapters/surface';
import {
  TEAM,
  buttonRequest,
  commandRequest,
  directMessage,
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

const OUTSIDER = 'T0OUTSIDE';

describe('Slack: who may ask', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(() => slack.close());

  describe('When SLACK_ALLOWED_TEAM_IDS lists the workspaces', () => {
    let server: RunningServer;
    let log: ReturnType<typeof createMemoryLogger>;
    let surface: Surface;
    beforeAll(async () => {
      ({ server, log, surface } = await startHttpBot(slack, { env: { SLACK_ALLOWED_TEAM_IDS: `${TEAM}, T0SISTER` } }));
    });
    afterAll(() => server.close());

    /** The refusal lines logged so far. */
    const refusals = () => log.lines.filter((line) => line.includes('"slack_team_refused"')).map((line) => JSON.parse(line) as Record<string, unknown>);

    /** Waits for the answer to a mention from a listed workspace: everything sent before it has been handled. */
    async function answeredMention(): Promise<void> {
      const event = mention('what uses port 3999?');
      await postToSlackEvents(server.url, eventRequest(event));
      await eventually(() => slack.posts().find((post) => post.thread_ts === event.ts));
    }

    it('says so at start-up', () => {
      expect(surface.describe(server.url)).toBe(`Slack (HTTP mode): ${server.url}/slack/events (workspaces ${TEAM}, T0SISTER only)`);
    });

    it('answers a listed workspace as usual', async () => {
      const event = mention('what uses port 8009?');
      await postToSlackEvents(server.url, eventRequest(event, undefined, 'T0SISTER'));
      const post = await eventually(() => slack.posts().find((p) => p.thread_ts === event.ts));
      expect(tableRows(post.blocks as Blocks)).toHaveLength(2);
    });

    it('gives a mention from another workspace no answer, and logs one line with its ids', async () => {
      const before = refusals().length;
      const event = mention('what uses port 8009?');
      const { eventId, ...request } = eventRequest(event, undefined, OUTSIDER);
      expect((await postToSlackEvents(server.url, request)).status).toBe(200);
      await answeredMention();
      expect(slack.posts().filter((post) => post.thread_ts === event.ts)).toHaveLength(0);
      expect(refusals().slice(before)).toEqual([
        expect.objectContaining({ level: 'warn', eventId, teamId: OUTSIDER, channel: 'C0CHAN', user: event.user, kind: 'app_mention' }),
      ]);
    });

    it('gives a direct message from another workspace no answer', async () => {
      const before = refusals().length;
      const posts = slack.posts().length;
      await postToSlackEvents(server.url, eventRequest(directMessage('what uses port 8009?', { channel: 'D0OUTSIDE' }), undefined, OUTSIDER));
      await answeredMention();
      expect(slack.posts().slice(posts).filter((post) => post.channel === 'D0OUTSIDE')).toHaveLength(0);
      expect(refusals().slice(before)).toHaveLength(1);
    });

    it('refuses someone from another organisation in a shared channel of a listed workspace', async () => {
      const before = refusals().length;
      const event = mention('what uses port 8009?', { user: 'U0GUEST', user_team: OUTSIDER });
      await postToSlackEvents(server.url, eventRequest(event));
      await answeredMention();
      expect(slack.posts().filter((post) => post.thread_ts === event.ts)).toHaveLength(0);
      expect(refusals().slice(before)).toEqual([expect.objectContaining({ teamId: TEAM, userTeam: OUTSIDER, user: 'U0GUEST' })]);
    });

    it('acknowledges a slash command from another workspace with nothing in it, and logs it', async () => {
      const before = refusals().length;
      const response = await postToSlackEvents(server.url, commandRequest('what uses port 8009?', slack.responseUrl('outsider-cmd'), { team_id: OUTSIDER }));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
      expect(refusals().slice(before)).toEqual([expect.objectContaining({ kind: 'command', command: '/dlo-ports', teamId: OUTSIDER, channel: 'C0CHAN' })]);
    });

    it('acknowledges a button click from another workspace without answering it', async () => {
      const before = refusals().length;
      const click = buttonRequest({ action_id: 'dlo_share', value: 'what uses port 8009?' }, { responseUrl: slack.responseUrl('outsider-share'), ephemeral: true, team: OUTSIDER });
      expect((await postToSlackEvents(server.url, click)).status).toBe(200);
      await answeredMention();
      expect(slack.responses.filter((response) => response.id === 'outsider-share')).toHaveLength(0);
      expect(refusals().slice(before)).toEqual([expect.objectContaining({ kind: 'block_actions', actionId: 'dlo_share', teamId: OUTSIDER })]);
    });
  });

  describe('When SLACK_ALLOWED_TEAM_IDS is not set', () => {
    it('answers whoever can reach the bot, and says so at start-up', async () => {
      const { server, surface } = await startHttpBot(slack);
      try {
        expect(surface.describe(server.url)).toMatch(/\(any workspace\)$/);
        const event = mention('what uses port 8009?');
        await postToSlackEvents(server.url, eventRequest(event, undefined, OUTSIDER));
        await eventually(() => slack.posts().find((post) => post.thread_ts === event.ts));
      } finally {
        await server.close();
      }
    });
  });
});

describe('Slack: how often one person may ask', () => {
  let slack: FakeSlack;
  let server: RunningServer;
  let log: ReturnType<typeof createMemoryLogger>;
  beforeAll(async () => {
    slack = await startFakeSlack();
    // The default limit: 30 questions a minute for each person.
    ({ server, log } = await startHttpBot(slack));
  });
  afterAll(async () => {
    await server.close();
    await slack.close();
  });

  it('a flood of mentions gets 30 answers and one "slow down" in the channel; someone else is answered as usual', async () => {
    const flood = Array.from({ length: 36 }, (_, i) => mention(`what uses port ${8000 + i}?`, { user: 'U0FLOOD' }));
    for (const event of flood) await postToSlackEvents(server.url, eventRequest(event));
    const threads = new Set(flood.map((event) => event.ts));
    const replies = await eventually(() => {
      const posted = slack.posts().filter((post) => threads.has(post.thread_ts));
      return posted.length === 31 ? posted : undefined;
    });
    const calm = mention('what uses port 8009?', { user: 'U0CALM' });
    await postToSlackEvents(server.url, eventRequest(calm));
    const answer = await eventually(() => slack.posts().find((post) => post.thread_ts === calm.ts));

    expect(replies.filter((post) => post.text === SLOW_DOWN)).toHaveLength(1);
    expect(replies.filter((post) => post.text !== SLOW_DOWN)).toHaveLength(30);
    expect(slack.posts().filter((post) => threads.has(post.thread_ts))).toHaveLength(31);
    expect(tableRows(answer.blocks as Blocks)).toHaveLength(2);
    const limited = log.lines.filter((line) => line.includes('"slack_rate_limited"')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(limited).toHaveLength(6);
    expect(limited.every((line) => line.user === 'U0FLOOD' && line.teamId === TEAM)).toBe(true);
  });

  it('a flood of slash commands is told to slow down privately, every time, in the acknowledgement', async () => {
    const texts: string[] = [];
    for (let i = 0; i < 32; i++) {
      const response = await postToSlackEvents(server.url, commandRequest('what uses port 443?', slack.responseUrl('flood'), { user_id: 'U0CMDS' }));
      texts.push(((await response.json()) as { text: string }).text);
    }
    expect(texts.slice(0, 30).every((text) => text !== SLOW_DOWN)).toBe(true);
    expect(texts.slice(30)).toEqual([SLOW_DOWN, SLOW_DOWN]);
    const other = await postToSlackEvents(server.url, commandRequest('what uses port 443?', slack.responseUrl('other'), { user_id: 'U0OTHER' }));
    expect(((await other.json()) as { text: string }).text).not.toBe(SLOW_DOWN);
  });
});
