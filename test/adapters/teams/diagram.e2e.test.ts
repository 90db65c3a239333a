import { PNG } from 'pngjs';
import { createDiagramRenderer, type DiagramRenderer } from '../../../src';
import { engine } from '../../helpers/engine';
import { cardsOf, messageActivity, postActivity, startConnector, startTeams, type ConnectorCall } from './support';

/** The inline image of a reply: its attachment, and the PNG its data URI holds. */
function imageOf(call: ConnectorCall) {
  const [attachment] = call.body.attachments as { contentType: string; contentUrl: string; name: string }[];
  const [, base64] = attachment.contentUrl.match(/^data:image\/png;base64,([A-Za-z0-9+/=]+)$/) ?? [];
  return { attachment, png: base64 === undefined ? undefined : Buffer.from(base64, 'base64') };
}

describe('"Show diagram" in Teams: the picture posted to a loopback connector', () => {
  let connector: Awaited<ReturnType<typeof startConnector>>;
  let teams: Awaited<ReturnType<typeof startTeams>>;
  let diagrams: DiagramRenderer;

  beforeAll(async () => {
    connector = await startConnector();
    teams = await startTeams({});
    diagrams = await createDiagramRenderer(engine.catalog.diagram);
  });
  afterAll(async () => {
    await teams.server.close();
    await connector.close();
  });
  beforeEach(() => {
    connector.calls.length = 0;
  });

  /** Asks in a conversation; the card's "Show diagram" action. */
  async function ask(text: string, conversation: { id: string; conversationType: string; tenantId: string }) {
    const activity = messageActivity(connector.url, { text, conversation });
    await postActivity(teams.server.url, activity);
    const [card] = cardsOf(connector.calls.pop()!);
    return card.actions?.find((action) => action.data.action === 'diagram');
  }

  async function press(data: unknown, conversation: { id: string; conversationType: string; tenantId: string }) {
    const submit = messageActivity(connector.url, { value: data, conversation, replyToId: 'reply-1' });
    expect((await postActivity(teams.server.url, submit)).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    const [call] = connector.calls.splice(0);
    expect(call.path).toBe(`/v3/conversations/${conversation.id}/activities/${String(submit.id)}`);
    return call;
  }

  it('an answer with rules has the action; pressing it replies with the PNG of that answer as an inline image', async () => {
    const conversation = { id: 'a:diagram-1', conversationType: 'personal', tenantId: 'tenant' };
    const question = 'between the clients and the edge server';
    const action = await ask(question, conversation);
    expect(action).toMatchObject({ type: 'Action.Submit', title: 'Show diagram', data: { action: 'diagram', question } });

    const reply = await press(action!.data, conversation);
    const { attachment, png } = imageOf(reply);
    expect(attachment).toMatchObject({ contentType: 'image/png', name: 'flow-diagram.png' });
    expect(png!.equals((await diagrams.png(engine.ask(question), { zoom: 0.75 }))!)).toBe(true);
    expect(reply.body).toMatchObject({ type: 'message', textFormat: 'plain', text: engine.ask(question).summary });
  });

  it("draws a follow-up as the conversation read it, and leaves the conversation's context as it was", async () => {
    const conversation = { id: '19:diagram-2@thread.tacv2', conversationType: 'channel', tenantId: 'tenant' };
    await ask('what does the dedupe server need in exclusive BOI?', conversation);
    const action = await ask('only inbound', conversation);
    const reply = await press(action!.data, conversation);
    const first = engine.converse('what does the dedupe server need in exclusive BOI?');
    const expected = engine.converse('only inbound', first.context).answer;
    const { png } = imageOf(reply);
    const image = PNG.sync.read(png!);
    expect(image.width).toBeGreaterThan(200);
    expect(png!.length).toBeLessThan(80 * 1024);
    const colour = (await diagrams.png(expected, { zoom: 0.75 }))!;
    const grey = (await diagrams.png(expected, { zoom: 0.75, grayscale: true }))!;
    expect(png!.equals(colour) || png!.equals(grey)).toBe(true);
    // The next fragment still follows "only inbound", not the button.
    await postActivity(teams.server.url, messageActivity(connector.url, { text: 'and in occasional?', conversation }));
    expect(JSON.stringify(connector.calls.pop()!.body)).toContain('Understood as:** to DLO Dedupe Server (from your previous question), occasional BOI, inbound');
  });

  it('draws the answer beside the action even after later messages changed the conversation', async () => {
    const conversation = { id: 'a:diagram-later', conversationType: 'personal', tenantId: 'tenant' };
    await ask('what ports does the Edge Server need in occasional BOI?', conversation);
    const action = await ask('and in exclusive?', conversation);
    // A later fragment narrows the conversation to inbound: the earlier card (both directions) still draws its own answer.
    await ask('only inbound', conversation);
    const reply = await press(action!.data, conversation);
    const expected = engine.converse('and in exclusive?', engine.converse('what ports does the Edge Server need in occasional BOI?').context).answer;
    expect(expected.rules.length).toBe(12);
    expect(reply.body.text).toBe(expected.summary);
    const { png } = imageOf(reply);
    const colour = (await diagrams.png(expected, { zoom: 0.75 }))!;
    const grey = (await diagrams.png(expected, { zoom: 0.75, grayscale: true }))!;
    expect(png!.equals(colour) || png!.equals(grey)).toBe(true);
  });

  it('an action whose context no longer fits draws its question in the conversation', async () => {
    const conversation = { id: 'a:diagram-old-context', conversationType: 'personal', tenantId: 'tenant' };
    const reply = await press({ action: 'diagram', question: 'what uses port 8009?', context: { not: 'a context' } }, conversation);
    expect(reply.body.text).toBe(engine.ask('what uses port 8009?').summary);
  });

  it('a diagram too large for a Teams message is refused in words, with what to ask instead', async () => {
    const conversation = { id: 'a:diagram-3', conversationType: 'personal', tenantId: 'tenant' };
    const reply = await press({ action: 'diagram', question: 'all firewall rules for occasional BOI' }, conversation);
    expect(reply.body.attachments ?? []).toEqual([]);
    expect(reply.body.text).toMatch(/^The diagram of this answer is too large for a Teams message \(\d+ KB as a picture; a message holds about 100 KB\)\. Ask about one component in one mode/);
  });

  it('an answer without rules has no action', async () => {
    const conversation = { id: 'a:diagram-4', conversationType: 'personal', tenantId: 'tenant' };
    expect(await ask('what port does Exchange use?', conversation)).toBeUndefined();
  });
});
