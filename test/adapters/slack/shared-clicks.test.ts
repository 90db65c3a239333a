import type { RunningServer } from '../../../adapters/server';
import { buttonRequest, eventually, postToSlackEvents, preformattedText, startFakeSlack, startHttpBot, tableRows, type Blocks, type FakeSlack } from './support';
import { exportAnswer } from '../../../src';
import { engine } from '../../helpers/engine';

/**
 * A message shared with "Share in channel" sits in a channel the bot may never have joined (and a DM
 * between two people is one it cannot join): chat.postMessage is refused there with not_in_channel,
 * so a click on that message is answered through the click's response_url.
 */
describe('Clicks on a message in a conversation the bot is no member of', () => {
  let slack: FakeSlack;
  let server: RunningServer;

  beforeAll(async () => {
    slack = await startFakeSlack();
    ({ server } = await startHttpBot(slack));
    slack.failPostsWith('not_in_channel');
  });
  afterAll(async () => {
    await server.close();
    await slack.close();
  });

  const click = (id: string, action: { action_id: string; value: string }, threadTs?: string) =>
    postToSlackEvents(server.url, buttonRequest(action, { responseUrl: slack.responseUrl(id), ephemeral: false, threadTs }));
  const responsesTo = (id: string) => slack.responses.filter((response) => response.id === id).map((response) => response.body);

  it('a suggestion is answered in the channel through the response_url, after one refused post', async () => {
    const postsBefore = slack.calls.filter((call) => call.method === 'chat.postMessage').length;
    await click('shared-ask', { action_id: 'dlo_ask_0', value: 'what uses port 8009?' });
    const [answer] = await eventually(() => (responsesTo('shared-ask').length ? responsesTo('shared-ask') : undefined));
    expect(answer).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(tableRows(answer.blocks as Blocks).length).toBeGreaterThan(0);
    expect(String(answer.text)).not.toMatch(/^Sorry/);
    // The refused chat.postMessage was tried once, not retried.
    expect(slack.calls.filter((call) => call.method === 'chat.postMessage').length - postsBefore).toBe(1);
  });

  it('in a thread, the response_url answer names the thread', async () => {
    await click('shared-thread', { action_id: 'dlo_ask_1', value: 'what uses port 1434?' }, '1700000000.999001');
    const [answer] = await eventually(() => (responsesTo('shared-thread').length ? responsesTo('shared-thread') : undefined));
    expect(answer.thread_ts).toBe('1700000000.999001');
  });

  it('"Show as CSV" sends every part through the response_url, none by chat.postMessage', async () => {
    const question = 'the entire port list';
    await click('shared-csv', { action_id: 'dlo_csv', value: question });
    const parts = await eventually(() => {
      const all = responsesTo('shared-csv');
      return /\(part (\d+) of \1\)$/.test(String(all[all.length - 1]?.text)) ? all : undefined;
    });
    expect(parts.every((part) => part.response_type === 'in_channel')).toBe(true);
    expect(preformattedText(parts).split('\n')).toHaveLength(engine.ask(question).rules.length + 2);
  });

  it('an export asked by a suggestion arrives whole through the response_url', async () => {
    const question = 'export the exclusive BOI rules as CSV';
    await click('shared-export', { action_id: 'dlo_ask_2', value: question });
    const messages = await eventually(() => (responsesTo('shared-export').length >= 2 ? responsesTo('shared-export') : undefined));
    expect(preformattedText(messages.slice(1))).toBe(exportAnswer(engine.ask(question), engine.catalog).content);
  });

  it('an answer longer than the 5 messages a response_url takes ends, in the 5th, with where to get all of it', async () => {
    const question = 'the entire port list as powershell';
    await click('shared-long', { action_id: 'dlo_ask_3', value: question });
    const messages = await eventually(() => {
      const all = responsesTo('shared-long');
      return all.length >= 5 ? all : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(responsesTo('shared-long')).toHaveLength(5);
    expect(String(messages[4].text)).toMatch(/^The rest does not fit .*direct message, or with \/dlo-ports\.$/);
    expect(String(messages[3].text)).toMatch(/\(part 3 of 5\)$/);
  });

  it('"Share in channel" of such an answer keeps to the 5 uses as well', async () => {
    const responseUrl = slack.responseUrl('share-long');
    await postToSlackEvents(server.url, buttonRequest({ action_id: 'dlo_share', value: 'the entire port list as powershell' }, { responseUrl, ephemeral: true }));
    await eventually(() => (responsesTo('share-long').length >= 5 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const shared = responsesTo('share-long');
    expect(shared).toHaveLength(5);
    expect(shared.every((message) => message.response_type === 'in_channel')).toBe(true);
    expect(String(shared[4].text)).toMatch(/^The rest does not fit/);
  });

  it('where the bot is a member, the click is still answered by chat.postMessage in the thread', async () => {
    slack.failPostsWith(undefined);
    try {
      await click('member', { action_id: 'dlo_ask_0', value: 'what uses port 90?' }, '1700000000.999002');
      const post = await eventually(() => slack.posts().find((p) => p.thread_ts === '1700000000.999002'));
      expect(tableRows(post.blocks as Blocks).length).toBeGreaterThan(0);
      expect(responsesTo('member')).toEqual([]);
    } finally {
      slack.failPostsWith('not_in_channel');
    }
  });
});
