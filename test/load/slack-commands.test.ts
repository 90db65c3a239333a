import { createLogger } from '../../adapters/logger';
import { startServer, type RunningServer } from '../../adapters/server';
import { slackSurface } from '../../adapters/slack';
import { isOn } from '../../adapters/surfaces';
import { renderSlackMessage } from '../../src';
import { BOT_TOKEN, SIGNING_SECRET, startFakeSlack, tableRows, type Blocks, type FakeSlack } from '../adapters/slack/support';
import { engine } from '../helpers/engine';
import { loadClient, type LoadClient } from './load-client';
import { signedCommand } from './signed-command';
import { LOAD, loadQuestions, problemWith, runConcurrently } from './support';

// Slack shows the user an error when a command is not acknowledged within 3 seconds.
const SLACK_ACK_MS = 3_000;

/** What the command's acknowledgement must hold for a question: its text and its table's rows. */
const expectedReply = (question: string) => {
  const message = renderSlackMessage(engine.ask(question));
  return JSON.stringify({ text: message.text, rows: tableRows(message.blocks as Blocks) });
};

describe(`Signed /dlo-ports commands under load: ${LOAD.slackCommands} commands, ${LOAD.concurrency} at a time`, () => {
  let slack: FakeSlack;
  let server: RunningServer;
  let client: LoadClient;
  const questions = loadQuestions(engine, LOAD.slackCommands);
  const expected = new Map(questions.map((question) => [question, expectedReply(question)]));

  beforeAll(async () => {
    slack = await startFakeSlack();
    const log = createLogger(() => undefined);
    const env = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl };
    const surface = slackSurface(env, { engine, log, listen: { host: '127.0.0.1', port: 0 } });
    if (!isOn(surface)) throw new Error('Slack did not switch on in HTTP mode');
    server = await startServer({ engine, log, knowledgeVersion: 'load', surfaces: [surface], host: '127.0.0.1', port: 0, drainMs: 500 });
    client = loadClient(server.url);
  });
  afterAll(async () => {
    client.close();
    await server.close();
    await slack.close();
  });

  /** Sends one signed command; undefined when its acknowledgement is right and in time, else what went wrong. */
  const check = (index: number) =>
    problemWith(questions[index], async () => {
      const question = questions[index];
      const started = performance.now();
      const response = await client.send({ method: 'POST', path: '/slack/events', ...signedCommand(question, `U0LOAD${index}`, slack.responseUrl(`load-${index}`)) });
      const elapsed = performance.now() - started;
      if (response.status !== 200) return `${response.status}`;
      if (elapsed > SLACK_ACK_MS) return `acknowledged after ${Math.round(elapsed)} ms`;
      const ack = JSON.parse(response.body) as { response_type?: string; text?: string; blocks?: Blocks };
      if (ack.response_type !== 'ephemeral') return 'not private';
      const reply = JSON.stringify({ text: ack.text, rows: tableRows(ack.blocks ?? []) });
      return reply === expected.get(question) ? undefined : 'another answer';
    });

  it(
    "acknowledges every command with 200 within Slack's 3 seconds, carrying the table of its own question",
    async () => {
      // One round to open the connections and compile the hot path; it is checked like the rest.
      const warmUp = await runConcurrently(LOAD.concurrency, LOAD.concurrency, check);
      const outcomes = await runConcurrently(LOAD.slackCommands, LOAD.concurrency, check);
      expect([...warmUp, ...outcomes].filter((outcome) => outcome !== undefined)).toEqual([]);
      // The answer is the acknowledgement: nothing else was posted, so nothing twice.
      expect(slack.posts()).toEqual([]);
      expect(slack.responses).toEqual([]);
    },
    // A hang catcher only: the run takes a few seconds.
    60_000,
  );
});
