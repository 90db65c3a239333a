import { renderAdaptiveCards, type AdaptiveCard } from '../../src';
import { cardsOf, messageActivity, startConnector, startTeams, textsOf, type ConnectorCall } from '../adapters/teams/support';
import { engine } from '../helpers/engine';
import { loadClient, type LoadClient } from './load-client';
import { LOAD, loadQuestions, runConcurrently } from './support';

/** What a reply shows, card by card: every text and table cell, in order. */
const shown = (cards: AdaptiveCard[]) => JSON.stringify(cards.map(textsOf));

interface Sent {
  question: string;
  /** Where its reply must go: the connector path of a reply to this activity in its conversation. */
  replyPath: string;
  activityId: string;
  status?: number;
}

describe(`Teams activities in local mode under load: ${LOAD.teamsActivities} activities, ${LOAD.concurrency} at a time`, () => {
  let connector: Awaited<ReturnType<typeof startConnector>>;
  let teams: Awaited<ReturnType<typeof startTeams>>;
  let client: LoadClient;
  const questions = loadQuestions(engine, LOAD.teamsActivities);
  const expected = new Map(questions.map((question) => [question, shown(renderAdaptiveCards(engine.ask(question)))]));

  beforeAll(async () => {
    connector = await startConnector();
    // No app id on loopback: local mode, as with the Bot Framework Emulator.
    teams = await startTeams({});
    client = loadClient(teams.server.url);
  });
  afterAll(async () => {
    client.close();
    await teams.server.close();
    await connector.close();
  });

  /** Posts one message activity, each in a conversation of its own, and notes where its reply must go. */
  async function send(question: string): Promise<Sent> {
    const activity = messageActivity(connector.url, { text: question });
    const conversationId = (activity.conversation as { id: string }).id;
    const activityId = String(activity.id);
    const sent: Sent = { question, activityId, replyPath: `/v3/conversations/${conversationId}/activities/${activityId}` };
    try {
      const response = await client.send({ method: 'POST', path: '/api/messages', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      return { ...sent, status: response.status };
    } catch {
      return sent;
    }
  }

  /** What is wrong with the replies to one activity, or undefined: exactly its cards, once, in reply to it. */
  function checkReplies(sent: Sent, calls: ConnectorCall[] = []): string | undefined {
    if (sent.status !== 200) return `${sent.question}: ${sent.status ?? 'no response'}`;
    if (calls.some((call) => call.method !== 'POST' || call.body.replyToId !== sent.activityId)) return `${sent.question}: not a reply to its activity`;
    const cards = calls.flatMap(cardsOf);
    return shown(cards) === expected.get(sent.question) ? undefined : `${sent.question}: ${calls.length} replies, not its answer once`;
  }

  it(
    'replies to every activity exactly once, in its own conversation and thread, with the rules of its question',
    async () => {
      // One round to open the connections and compile the hot path; it is checked like the rest.
      const sent = [
        ...(await runConcurrently(LOAD.concurrency, LOAD.concurrency, (i) => send(questions[i]))),
        ...(await runConcurrently(LOAD.teamsActivities, LOAD.concurrency, (i) => send(questions[i]))),
      ];
      const repliesByPath = new Map<string, ConnectorCall[]>();
      for (const call of connector.calls) repliesByPath.set(call.path, [...(repliesByPath.get(call.path) ?? []), call]);
      expect(sent.map((one) => checkReplies(one, repliesByPath.get(one.replyPath))).filter((problem) => problem !== undefined)).toEqual([]);
      // Nothing went anywhere else.
      expect(repliesByPath.size).toBe(sent.length);
    },
    // A hang catcher only: the run takes a few seconds.
    60_000,
  );
});
