import { createDiagramRenderer, type Answer, type DiagramRenderer } from '../../../src';
import type { RunningServer } from '../../../adapters/server';
import { engine } from '../../helpers/engine';
import {
  buttonRequest,
  buttons,
  commandRequest,
  directMessage,
  eventRequest,
  eventually,
  mention,
  postToSlackEvents,
  startFakeSlack,
  startHttpBot,
  type Blocks,
  type FakeSlack,
} from './support';

type Message = Record<string, unknown>;

describe('"Show diagram" in Slack: the PNG uploaded with files.uploadV2, against a loopback Web API', () => {
  let slack: FakeSlack;
  let server: RunningServer;
  let log: Awaited<ReturnType<typeof startHttpBot>>['log'];
  let diagrams: DiagramRenderer;

  beforeAll(async () => {
    slack = await startFakeSlack();
    ({ server, log } = await startHttpBot(slack));
    diagrams = await createDiagramRenderer(engine.catalog.diagram);
  });
  afterAll(async () => {
    await server.close();
    await slack.close();
  });

  const diagramButton = (message: Message) => buttons(message.blocks as Blocks).find((b) => b.action_id === 'dlo_diagram');
  const callsOf = (method: string, from: number) => slack.calls.slice(from).filter((call) => call.method === method);

  /** Mentions the bot in `thread` (a new one: its own ts); resolves with the answer posted there. */
  async function askInThread(question: string, thread?: string): Promise<{ answer: Message; thread: string }> {
    const event = mention(question, thread ? { thread_ts: thread } : {});
    const inThread = String(thread ?? event.ts);
    const before = slack.posts().length;
    await postToSlackEvents(server.url, eventRequest(event));
    const answer = await eventually(() => slack.posts().slice(before).find((post) => post.thread_ts === inThread));
    return { answer, thread: inThread };
  }

  /** Clicks the button; resolves once the upload is complete (its three calls made). */
  async function click(value: string, where: { ephemeral: boolean; threadTs?: string; responseUrl?: string; channel?: string }) {
    const from = slack.calls.length;
    const uploadsBefore = slack.uploads.length;
    await postToSlackEvents(server.url, buttonRequest({ action_id: 'dlo_diagram', value }, { responseUrl: where.responseUrl ?? slack.responseUrl('unused'), ...where }));
    const [complete] = await eventually(() => (callsOf('files.completeUploadExternal', from).length ? callsOf('files.completeUploadExternal', from) : undefined), 10_000);
    return { from, complete, upload: slack.uploads[uploadsBefore] };
  }

  const pngOf = async (answer: Answer) => (await diagrams.png(answer))!;

  it('an answer with rules carries the button; clicking it uploads the PNG of that answer into its thread', async () => {
    const question = 'what ports does the Edge Server need in occasional BOI?';
    const { answer, thread } = await askInThread(question);
    // The button carries the question without the mention (the engine reads past mentions anyway), with the context it was read in.
    const button = diagramButton(answer)!;
    expect(button).toMatchObject({ text: { text: 'Show diagram' } });
    expect(JSON.parse(button.value)).toMatchObject({ question, context: { components: [{ id: 'edge-server' }] } });

    const { from, complete, upload } = await click(button.value, { ephemeral: false, threadTs: thread });
    // The modern flow: get an upload URL, send the bytes there, complete the upload into the conversation.
    const [getUrl] = callsOf('files.getUploadURLExternal', from);
    const png = await pngOf(engine.ask(question));
    expect(getUrl.args).toMatchObject({ filename: 'flow-diagram.png', length: String(png.length) });
    expect(upload.bytes.equals(png)).toBe(true);
    expect(complete.args).toMatchObject({ channel_id: 'C0CHAN', thread_ts: thread, files: [{ id: upload.fileId, title: '12 rules in occasional BOI.' }] });
    expect(callsOf('files.upload', from)).toEqual([]);
  });

  it("draws a follow-up as its thread read it, and leaves the thread's conversation where it was", async () => {
    const { thread } = await askInThread('between the clients and the edge server in exclusive BOI');
    const { answer } = await askInThread('and in occasional?', thread);
    const { upload } = await click(diagramButton(answer)!.value, { ephemeral: false, threadTs: thread });
    const expected = engine.converse('and in occasional?', engine.converse('between the clients and the edge server in exclusive BOI').context).answer;
    expect(upload.bytes.equals(await pngOf(expected))).toBe(true);
    // The next fragment still follows the question before it, not the click.
    const { answer: next } = await askInThread('only inbound', thread);
    expect(JSON.stringify(next.blocks)).toContain('occasional BOI');
  });

  it('draws the answer beside the button even after later messages in the thread changed its context', async () => {
    const { thread } = await askInThread('what ports does the Edge Server need in occasional BOI?');
    const { answer } = await askInThread('and in exclusive?', thread);
    // A later fragment narrows the thread to inbound: the earlier answer (both directions) is still what its button draws.
    await askInThread('only inbound', thread);
    const { upload } = await click(diagramButton(answer)!.value, { ephemeral: false, threadTs: thread });
    const expected = engine.converse('and in exclusive?', engine.converse('what ports does the Edge Server need in occasional BOI?').context).answer;
    expect(expected.rules.length).toBe(12);
    expect(upload.bytes.equals(await pngOf(expected))).toBe(true);
  });

  it('in a DM, the picture goes into the DM', async () => {
    const event = directMessage('what uses port 8009?');
    const before = slack.posts().length;
    await postToSlackEvents(server.url, eventRequest(event));
    const answer = await eventually(() => slack.posts().slice(before).find((post) => post.channel === 'D0DM'));
    const { complete, upload } = await click(diagramButton(answer)!.value, { ephemeral: false, channel: 'D0DM' });
    expect(complete.args).toMatchObject({ channel_id: 'D0DM', files: [{ id: upload.fileId }] });
    expect(complete.args).not.toHaveProperty('thread_ts');
  });

  it('from /dlo-ports, the private answer has the button and the picture goes to the channel the command was typed in', async () => {
    const question = 'what uses port 8009?';
    const response = await postToSlackEvents(server.url, commandRequest(question, slack.responseUrl('cmd-diagram')));
    const ack = (await response.json()) as { blocks: Blocks };
    expect(buttons(ack.blocks).map((b) => b.action_id)).toEqual(expect.arrayContaining(['dlo_diagram', 'dlo_share']));
    const { complete } = await click(question, { ephemeral: true });
    expect(complete.args.channel_id).toBe('C0CHAN');
    expect(complete.args).not.toHaveProperty('thread_ts');
  });

  it('an answer without rules has no button', async () => {
    const { answer } = await askInThread('what port does Exchange use?');
    expect(diagramButton(answer)).toBeUndefined();
  });

  it('when Slack refuses the upload, the user is told why, privately, and the log says so', async () => {
    slack.failUploadsWith('not_in_channel');
    try {
      const { complete } = await click('what uses port 8009?', { ephemeral: true, responseUrl: slack.responseUrl('cannot-post') });
      expect(complete.args.channel_id).toBe('C0CHAN');
      const told = await eventually(() => slack.responses.find((r) => r.id === 'cannot-post'));
      expect(told.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('I am not a member. Invite me') });
      const line = await eventually(() => log.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((entry) => entry.event === 'slack_diagram_failed'));
      expect(line).toMatchObject({ slackError: 'not_in_channel', actionId: 'dlo_diagram' });
    } finally {
      slack.failUploadsWith(undefined);
    }
  });
});
