import type { Activity, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { createMemoryLogger } from '../../../adapters/logger';
import { authenticate } from '../../../adapters/teams/authenticate';
import { createAdapter, createAuthentication } from '../../../adapters/teams/cloud-adapter';
import { messageActivity, startConnector } from './support';

describe('The Teams adapter, turn after turn', () => {
  it('sends every reply to one service URL through one kept ConnectorClient, and another URL through its own', async () => {
    const first = await startConnector();
    const second = await startConnector();
    try {
      const auth = createAuthentication({ mode: 'local' });
      const adapter = createAdapter(auth, createMemoryLogger());
      const clients: ConnectorClient[] = [];
      const turn = async (serviceUrl: string, text: string) => {
        const activity = messageActivity(serviceUrl, { text }) as unknown as Activity;
        const outcome = await authenticate(auth, activity, '');
        if (!outcome.ok) throw new Error(outcome.detail);
        await adapter.runTurn(outcome.result, activity, async (context: TurnContext) => {
          clients.push(context.turnState.get(adapter.ConnectorClientKey));
          await context.sendActivity(`echo ${text}`);
        });
      };
      await turn(first.url, 'one');
      await turn(first.url, 'two');
      await turn(second.url, 'three');
      expect(clients[1]).toBe(clients[0]);
      expect(clients[2]).not.toBe(clients[0]);
      // The kept client still delivers each reply where its turn came from.
      expect(first.calls.map((c) => c.body.text)).toEqual(['echo one', 'echo two']);
      expect(second.calls.map((c) => c.body.text)).toEqual(['echo three']);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
