import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver } from '@slack/bolt';
import { ActivityHandler, ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import express, { type Express } from 'express';
import { urlOf } from '../adapters/http/listen';
import { TeamsCloudAdapter } from '../adapters/teams/cloud-adapter';
import { BOT_TOKEN, SIGNING_SECRET } from '../test/adapters/slack/support';

/** Each stack a surface stands on, mounted on an Express app to answer every request with a constant. */
const MOUNT_FLOOR = {
  express: (app: Express) => app.get('/', (_req, res) => void res.json({ id: 'floor' })),
  bolt: (app: Express) => {
    const receiver = new ExpressReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events' });
    const bolt = new App({ receiver, authorize: async () => ({ botToken: BOT_TOKEN, botId: 'B0FLOOR', botUserId: 'U0FLOOR' }), convoStore: false });
    bolt.command(/.*/, async ({ ack }) => ack('ok'));
    app.use(receiver.router);
  },
  botbuilder: (app: Express) => {
    const auth = new ConfigurationBotFrameworkAuthentication({});
    const adapter = new TeamsCloudAdapter(auth);
    const bot = new ActivityHandler().onMessage(async (context) => void (await context.sendActivity('ok')));
    app.post('/api/messages', express.json(), async (req, res) => {
      const activity = req.body as Activity;
      await adapter.runTurn(await auth.authenticateRequest(activity, ''), activity, (context) => bot.run(context));
      res.status(200).end();
    });
  },
};

export type FloorStack = keyof typeof MOUNT_FLOOR;
export const FLOOR_STACKS = Object.keys(MOUNT_FLOOR) as FloorStack[];

/**
 * Express, Bolt or botbuilder answering every request with a constant, with no engine and none of
 * our middleware: the most a surface on that stack can do here, printed under each target that
 * is a share of bare node:http. Bolt's receiver is mounted on Express and botbuilder's turn runs
 * through our adapter (which keeps one connector client per service URL), as the server does.
 */
export function serveFloor(host: string, stack: FloorStack): void {
  const app = express();
  MOUNT_FLOOR[stack](app);
  const server = createServer(app);
  server.listen(0, host, () => console.log(urlOf(server.address() as AddressInfo)));
}
