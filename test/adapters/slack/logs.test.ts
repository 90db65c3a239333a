import { createMemoryLogger } from '../../../adapters/logger';
import { startServer } from '../../../adapters/server';
import { slackSurface } from '../../../adapters/slack';
import { engine } from '../../helpers/engine';
import {
  APP_TOKEN,
  BOT_TOKEN,
  SIGNING_SECRET,
  TEAM,
  USER,
  buttonRequest,
  commandRequest,
  directMessage,
  eventRequest,
  eventsApiEnvelope,
  eventually,
  mention,
  nextTs,
  postToSlackEvents,
  startFakeSlack,
  startHttpBot,
  startSocketServer,
  surfaceOn,
  type FakeSlack,
} from './support';

type LogLine = Record<string, unknown>;
const parse = (lines: string[]) => lines.map((line) => JSON.parse(line) as LogLine);
const answered = (lines: string[]) => parse(lines).filter((line) => line.event === 'answered');

// Questions worded so that none of their words can appear in a log line by chance.
const QUESTIONS = {
  mention: 'which ports does the edge server need in occasional BOI?',
  dm: 'what does the dedupe server need in non-BOI?',
  command: 'ports between the SQL Server and the DLO Administration Console',
  share: 'what uses port 1434?',
  ask: 'what uses port 90?',
  csv: 'the entire port list',
};

/**
 * Asks once through every Slack path (mention, DM, command, the three buttons), with a Web API
 * fault that is retried on the way, and one post Slack refuses (logged with the error).
 */
async function askEverywhere(baseUrl: string, slack: FakeSlack, lines: string[]): Promise<void> {
  slack.failPostsWith('channel_not_found');
  const refused = eventRequest(mention('what uses port 3999?'));
  await postToSlackEvents(baseUrl, refused);
  await eventually(() => lines.find((line) => line.includes('"slack_sorry_failed"')));
  slack.failPostsWith(undefined);
  const event = mention(QUESTIONS.mention);
  slack.injectFaults('chat.postMessage', { status: 500 });
  await postToSlackEvents(baseUrl, eventRequest(event));
  await eventually(() => slack.posts().find((post) => post.thread_ts === event.ts));
  const dm = directMessage(QUESTIONS.dm, { channel: 'D0LOGS' });
  await postToSlackEvents(baseUrl, eventRequest(dm));
  await eventually(() => slack.posts().find((post) => post.channel === 'D0LOGS'));
  await postToSlackEvents(baseUrl, commandRequest(QUESTIONS.command, slack.responseUrl('logs-cmd')));
  const clicks = [
    buttonRequest({ action_id: 'dlo_share', value: QUESTIONS.share }, { responseUrl: slack.responseUrl('logs-share'), ephemeral: true }),
    buttonRequest({ action_id: 'dlo_ask_0', value: QUESTIONS.ask }, { responseUrl: slack.responseUrl('logs-ask'), ephemeral: true }),
    buttonRequest({ action_id: 'dlo_csv', value: QUESTIONS.csv }, { responseUrl: slack.responseUrl('logs-csv'), ephemeral: false, threadTs: nextTs() }),
  ];
  for (const click of clicks) await postToSlackEvents(baseUrl, click);
}

describe('Slack logs', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(() => slack.close());

  describe('When LOG_QUESTIONS is not set', () => {
    let lines: string[];
    beforeAll(async () => {
      const { server, log } = await startHttpBot(slack);
      try {
        await askEverywhere(server.url, slack, log.lines);
        await eventually(() => (answered(log.lines).length >= 6 ? true : undefined));
      } finally {
        await server.close();
      }
      lines = log.lines;
    });

    it('have one structured "answered" line per answer, on every path, with the request ids', () => {
      const byKind = answered(lines).map((line) => [line.kind, line.command ?? line.actionId ?? (line.eventId ? 'event' : undefined)]);
      expect(byKind).toEqual([
        ['app_mention', 'event'],
        ['message', 'event'],
        ['command', '/dlo-ports'],
        ['block_actions', 'dlo_share'],
        ['block_actions', 'dlo_ask_0'],
        ['block_actions', 'dlo_csv'],
      ]);
      for (const line of answered(lines)) {
        expect(line).toMatchObject({ level: 'info', surface: 'slack', teamId: TEAM, user: USER, status: 'answered', channel: expect.any(String) });
        expect(typeof line.intent).toBe('string');
        expect(typeof line.rules).toBe('number');
        expect(typeof line.durationMs).toBe('number');
      }
      expect(answered(lines)[0]).toMatchObject({ intent: 'component', rules: engine.ask(QUESTIONS.mention).rules.length });
    });

    it('never contain the questions', () => {
      expect(answered(lines).every((line) => !('question' in line))).toBe(true);
      for (const question of Object.values(QUESTIONS)) expect(lines.join('\n')).not.toContain(question);
    });

    it('never contain the bot token, the signing secret, an Authorization header or a response_url', () => {
      const all = lines.join('\n');
      // The run did log the failure it went through, error and stack included.
      expect(all).toContain('"slack_reply_failed"');
      expect(all).toContain('channel_not_found');
      for (const secret of [BOT_TOKEN, 'xoxb-', SIGNING_SECRET, 'Bearer', slack.responseUrl('')]) expect(all).not.toContain(secret);
      expect(all).not.toMatch(/authorization/i);
    });
  });

  describe('When LOG_QUESTIONS=true', () => {
    it('the "answered" lines carry the question as asked', async () => {
      const { server, log } = await startHttpBot(slack, { env: { LOG_QUESTIONS: 'true' } });
      try {
        const event = mention(QUESTIONS.mention);
        await postToSlackEvents(server.url, eventRequest(event));
        const [line] = await eventually(() => (answered(log.lines).length > 0 ? answered(log.lines) : undefined));
        expect(line.question).toBe(`<@UBOT> ${QUESTIONS.mention}`);
      } finally {
        await server.close();
      }
    });
  });

  describe('In Socket Mode', () => {
    it('never contain the app token or the bot token', async () => {
      const socket = await startSocketServer();
      const socketSlack = await startFakeSlack({ socketUrl: socket.url });
      const log = createMemoryLogger();
      const env = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: socketSlack.apiUrl };
      const surface = surfaceOn(slackSurface(env, { engine, log, listen: { host: '127.0.0.1', port: 0 } }));
      const server = await startServer({ engine, log, knowledgeVersion: 'test', surfaces: [surface], host: '127.0.0.1', port: 0, drainMs: 100 });
      try {
        const event = mention(QUESTIONS.share);
        socket.send(eventsApiEnvelope('env-logs', eventRequest(event).body));
        await eventually(() => socketSlack.posts().find((post) => post.thread_ts === event.ts));
        await eventually(() => (answered(log.lines).length > 0 ? true : undefined));
      } finally {
        await server.close();
        await socket.close();
        await socketSlack.close();
      }
      const all = log.lines.join('\n');
      for (const secret of [APP_TOKEN, 'xapp-', BOT_TOKEN, 'xoxb-', 'Bearer']) expect(all).not.toContain(secret);
      expect(all).not.toMatch(/authorization/i);
    });
  });
});
