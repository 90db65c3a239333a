import { exportAnswer } from '../../../src';
import type { RunningServer } from '../../../adapters/server';
import { engine } from '../../helpers/engine';
import {
  buttonRequest,
  buttons,
  commandRequest,
  eventRequest,
  eventually,
  mention,
  postToSlackEvents,
  preformattedText,
  startFakeSlack,
  startHttpBot,
  type Blocks,
  type FakeSlack,
} from './support';

const CSV_QUESTION = 'export the exclusive BOI rules as CSV';
const fileFor = (question: string) => exportAnswer(engine.ask(question), engine.catalog);

type Message = Record<string, unknown>;

/** Waits until the message labelled "part n of n" (or, with `count`, that many messages) has arrived; all of them, in order. */
const whenComplete = (messages: () => Message[], count?: number) =>
  eventually(() => {
    const all = messages();
    const last = all[all.length - 1];
    const complete = count === undefined ? /\(part (\d+) of \1\)$/.test(String(last?.text)) : all.length >= count;
    return complete ? all : undefined;
  });

describe('Exports in Slack ("export the exclusive BOI rules as CSV")', () => {
  let slack: FakeSlack;
  let server: RunningServer;

  beforeAll(async () => {
    slack = await startFakeSlack();
    ({ server } = await startHttpBot(slack));
  });
  afterAll(async () => {
    await server.close();
    await slack.close();
  });

  /** Mentions the bot; resolves with the messages posted in the thread (`count` of them, or up to the last part). */
  async function askInThread(question: string, count?: number) {
    const event = mention(question);
    await postToSlackEvents(server.url, eventRequest(event));
    return whenComplete(() => slack.posts().filter((post) => post.thread_ts === event.ts), count);
  }

  /** Runs /dlo-ports; resolves with its acknowledgement and the messages sent to its response_url. */
  async function command(question: string, id: string, count?: number) {
    const response = await postToSlackEvents(server.url, commandRequest(question, slack.responseUrl(id)));
    const ack = (await response.json()) as { response_type: string; text: string; blocks: Blocks };
    const parts = await whenComplete(() => slack.responses.filter((r) => r.id === id).map((r) => r.body), count);
    return { ack, parts };
  }

  describe('asked in a mention', () => {
    it('answers in the thread with the short answer first, then the whole CSV as a code block named by its file', async () => {
      const file = fileFor(CSV_QUESTION);
      const [answer, ...parts] = await askInThread(CSV_QUESTION, 2);
      expect(answer.text).toBe(engine.ask(CSV_QUESTION).summary);
      expect(JSON.stringify(answer.blocks)).toContain('Understood as: exclusive BOI, as csv');
      expect((answer.blocks as Blocks).some((block) => block.type === 'table')).toBe(false);
      expect(parts.map((part) => part.text)).toEqual([file.filename]);
      expect(preformattedText(parts)).toBe(file.content);
    });

    it('a large export (the whole matrix as PowerShell) comes in labelled parts that join back exactly', async () => {
      const question = 'the entire port list as powershell';
      const file = fileFor(question);
      const [answer, ...parts] = await askInThread(question);
      expect(JSON.stringify(answer.blocks)).toContain(`in ${parts.length} parts`);
      expect(parts.map((part) => part.text)).toEqual(parts.map((_, i) => `${file.filename} (part ${i + 1} of ${parts.length})`));
      expect(preformattedText(parts)).toBe(file.content);
      for (const part of parts) expect((part.blocks as Blocks).length).toBeLessThanOrEqual(50);
      // Cut at 10,000 characters: Slack has refused messages of rich_text blocks at 11,341.
      for (const part of parts) expect(preformattedText([part]).length).toBeLessThanOrEqual(10_000);
    });
  });

  describe('asked with /dlo-ports', () => {
    it('acknowledges with the short answer and its share button, then sends the CSV privately through the response_url', async () => {
      const file = fileFor(CSV_QUESTION);
      const { ack, parts } = await command(CSV_QUESTION, 'export-cmd', 1);
      expect(ack.response_type).toBe('ephemeral');
      expect(ack.text).toBe(engine.ask(CSV_QUESTION).summary);
      expect(buttons(ack.blocks).map((button) => button.action_id)).toContain('dlo_share');
      expect(parts.every((part) => part.response_type === 'ephemeral')).toBe(true);
      expect(preformattedText(parts)).toBe(file.content);
    });

    it('a large export (the whole matrix as JSON) arrives privately in labelled parts that join back exactly', async () => {
      const question = 'the entire port list as json';
      const file = fileFor(question);
      const { parts } = await command(question, 'export-json');
      expect(parts.length).toBeGreaterThan(2);
      expect(parts.map((part) => part.text)).toEqual(parts.map((_, i) => `${file.filename} (part ${i + 1} of ${parts.length})`));
      expect(preformattedText(parts)).toBe(file.content);
    });

    it('"Share in channel" posts the short answer and the export to the channel', async () => {
      const file = fileFor(CSV_QUESTION);
      const click = buttonRequest({ action_id: 'dlo_share', value: CSV_QUESTION }, { responseUrl: slack.responseUrl('export-share'), ephemeral: true });
      await postToSlackEvents(server.url, click);
      const [answer, ...parts] = await whenComplete(() => slack.responses.filter((r) => r.id === 'export-share').map((r) => r.body), 2);
      expect([answer, ...parts].every((message) => message.response_type === 'in_channel')).toBe(true);
      expect(JSON.stringify(answer.blocks)).toContain('Shared by <@U0ADMIN>');
      expect(preformattedText(parts)).toBe(file.content);
    });
  });
});
