import { createMemoryLogger } from '../../../adapters/logger';
import { startServer } from '../../../adapters/server';
import { slackSurface } from '../../../adapters/slack';
import type { Surface } from '../../../adapters/surface';
import { engine } from '../../helpers/engine';
import {
  APP_TOKEN,
  BOT_TOKEN,
  eventRequest,
  eventsApiEnvelope,
  eventually,
  mention,
  startConnectProxy,
  startFakeSlack,
  startSocketServer,
  tableRows,
  type Blocks,
  type FakeSlack,
} from './support';

/** The Slack surface in Socket Mode against a fake Slack. */
function socketModeSurface(apiUrl: string, env: Record<string, string> = {}): Surface {
  const deps = { engine, log: createMemoryLogger(), listen: { host: '127.0.0.1', port: 0 } };
  return slackSurface({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: apiUrl, ...env }, deps) as Surface;
}

const serve = (surface: Surface) =>
  startServer({ engine, log: createMemoryLogger(), knowledgeVersion: 'test', surfaces: [surface], host: '127.0.0.1', port: 0, drainMs: 100 });

/** The shared server with Slack in Socket Mode, connected to a fake Slack and its WebSocket. */
async function startSocketModeBot(env: Record<string, string> = {}) {
  const socket = await startSocketServer();
  const slack = await startFakeSlack({ socketUrl: socket.url });
  const surface = socketModeSurface(slack.apiUrl, env);
  const server = await serve(surface);
  const close = async () => {
    await server.close();
    await socket.close();
    await slack.close();
  };
  return { socket, slack, surface, close };
}

describe('Slack in Socket Mode', () => {
  let socket: Awaited<ReturnType<typeof startSocketServer>>;
  let slack: FakeSlack;
  let surface: Surface;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ socket, slack, surface, close } = await startSocketModeBot());
  });
  afterAll(() => close());

  it('connected at start-up with the app token, to the URL apps.connections.open gave', () => {
    expect(socket.connected()).toBe(true);
    expect(slack.calls.find((call) => call.method === 'apps.connections.open')?.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(surface.name).toBe('Slack (Socket Mode)');
    expect(surface.describe('')).toBe('Slack (Socket Mode): connected to Slack, no inbound route (any workspace)');
  });

  it('acknowledges an events_api envelope and posts the answer in the thread', async () => {
    const event = mention('what uses port 8009?');
    socket.send(eventsApiEnvelope('env-1', eventRequest(event).body));
    await eventually(() => socket.received.find((ack) => ack.envelope_id === 'env-1'));
    const post = await eventually(() => slack.posts().find((p) => p.thread_ts === event.ts));
    expect(post.channel).toBe('C0CHAN');
    expect(tableRows(post.blocks as Blocks).map((row) => row[2])).toEqual(['8009', '8009']);
  });

  it('acknowledges a retried envelope (retry_attempt) without answering twice', async () => {
    const event = mention('what uses port 1433?');
    const { body } = eventRequest(event);
    socket.send(eventsApiEnvelope('env-2', body));
    await eventually(() => slack.posts().find((p) => p.thread_ts === event.ts));
    socket.send(eventsApiEnvelope('env-3', body, 1));
    await eventually(() => socket.received.find((ack) => ack.envelope_id === 'env-3'));
    // A later event answered means the retry was processed (and dropped) before it.
    const later = mention('what uses port 3999?');
    socket.send(eventsApiEnvelope('env-4', eventRequest(later).body));
    await eventually(() => slack.posts().find((p) => p.thread_ts === later.ts));
    expect(slack.posts().filter((p) => p.thread_ts === event.ts)).toHaveLength(1);
  });

  it('answers a slash command in the acknowledgement of its envelope', async () => {
    socket.send({
      envelope_id: 'env-cmd',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        team_id: 'T0TEAM',
        channel_id: 'C0CHAN',
        user_id: 'U0ADMIN',
        command: '/dlo-ports',
        text: 'what uses port 8009?',
        api_app_id: 'A0APP',
        response_url: slack.responseUrl('socket-cmd'),
        trigger_id: '1.2.3',
      },
    });
    const ack = await eventually(() => socket.received.find((message) => message.envelope_id === 'env-cmd'));
    const payload = ack.payload as { response_type: string; blocks: Blocks };
    expect(payload.response_type).toBe('ephemeral');
    expect(tableRows(payload.blocks).map((row) => row[2])).toEqual(['8009', '8009']);
  });
});

describe('Slack in Socket Mode behind HTTPS_PROXY', () => {
  it('opens the connection and the WebSocket through the proxy', async () => {
    const proxy = await startConnectProxy();
    const { socket, slack, close } = await startSocketModeBot({ HTTPS_PROXY: proxy.url });
    try {
      expect(socket.connected()).toBe(true);
      expect(proxy.tunnels).toEqual(expect.arrayContaining([new URL(slack.apiUrl).host, new URL(socket.url).host]));
    } finally {
      await close();
      await proxy.close();
    }
  });
});

describe('Slack in Socket Mode with an app token Slack refuses', () => {
  it("stops start-up with Slack's error", async () => {
    const slack = await startFakeSlack({ connectionError: 'invalid_auth' });
    try {
      await expect(serve(socketModeSurface(slack.apiUrl))).rejects.toThrow(/invalid_auth/);
    } finally {
      await slack.close();
    }
  });
});
