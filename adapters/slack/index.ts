import { App, ExpressReceiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { RateLimitOptions } from '../rate-limit';
import { memoryState } from '../state/shared-state';
import type { Surface, SurfaceDeps, SurfaceOff } from '../surface';
import { REPLAY_MEMORY } from './answered-once';
import { createAskLimit } from './ask-limit';
import { singleWorkspaceAuthorize } from './authorize';
import { boltLogger } from './bolt-logger';
import { SLACK_ENABLE_WITH, slackConfig } from './config';
import { EVENT_MEMORY } from './first-delivery';
import { registerListeners } from './listeners';
import { slackTransport } from './proxy';
import { checkSlackHeaders } from './request-checks';
import { WEB_CLIENT_RETRY_OPTIONS, withRetries } from './retry-policy';

export const SLACK_EVENTS_PATH = '/slack/events';
// Slack's payloads are a few KB (a 4,000-character message, a slash command, a button's value);
// Bolt's default of 4 MB would let one request hold that much memory.
export const SLACK_BODY_LIMIT = 256 * 1024;

export interface SlackOptions {
  /** The per-user limit of questions (default: 30 a minute). */
  rateLimit?: RateLimitOptions;
}

/**
 * The Slack surface, from the Slack variables alone: Socket Mode, HTTP mode (POST /slack/events on
 * the shared server) or off. Half a configuration throws a ConfigError that names what is missing.
 */
export function slackSurface(env: NodeJS.ProcessEnv, deps: SurfaceDeps, options: SlackOptions = {}): Surface | SurfaceOff {
  const config = slackConfig(env);
  if (config.mode === 'off') return { name: 'Slack', enableWith: SLACK_ENABLE_WITH };

  const logger = boltLogger(deps.log);
  const transport = slackTransport(config.proxyUrl);
  // A fresh object for each client: Bolt and Socket Mode each add their own settings to theirs.
  const clientOptions = (): webApi.WebClientOptions => ({
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    ...(transport.fetch ? { fetch: transport.fetch } : {}),
  });
  const receiver =
    config.mode === 'http'
      ? // The receiver's own Express app is never listened on: its router is mounted on the shared server.
        new ExpressReceiver({
          signingSecret: config.signingSecret,
          endpoints: SLACK_EVENTS_PATH,
          logger,
          bodyLimit: SLACK_BODY_LIMIT,
        })
      : new SocketModeReceiver({
          appToken: config.appToken,
          dispatcher: transport.dispatcher,
          logger,
          installerOptions: { clientOptions: clientOptions() },
        });
  const app: App = new App({
    receiver,
    logger,
    // The client that answers retries under RETRY_POLICY; Socket Mode's keeps its own reconnect policy.
    clientOptions: { ...clientOptions(), ...WEB_CLIENT_RETRY_OPTIONS },
    authorize: singleWorkspaceAuthorize(config.botToken, () => withRetries(() => app.client.auth.test({ token: config.botToken }))),
    convoStore: false,
    extendedErrorHandler: true,
  });
  const state = deps.state ?? memoryState();
  registerListeners(
    app,
    {
      engine: deps.engine,
      log: deps.log,
      store: state.conversations,
      limit: createAskLimit(options.rateLimit, state),
      events: state.once('event', EVENT_MEMORY),
      replays: state.once('replay', REPLAY_MEMORY),
    },
    config.allowedTeams,
  );
  const who = config.allowedTeams ? `workspaces ${[...config.allowedTeams].join(', ')} only` : 'any workspace';

  if (receiver instanceof ExpressReceiver) {
    return {
      name: 'Slack (HTTP mode)',
      mount: (server) => {
        server.post(SLACK_EVENTS_PATH, checkSlackHeaders(deps.log));
        server.use(receiver.router);
      },
      stop: () => transport.close(),
      describe: (baseUrl) => `Slack (HTTP mode): ${baseUrl}${SLACK_EVENTS_PATH} (${who})`,
    };
  }
  return {
    name: 'Slack (Socket Mode)',
    mount: () => undefined,
    start: async () => {
      await app.start();
    },
    stop: async () => {
      // Not app.stop(): Bolt's receiver resolves that before the close handshake is over.
      await receiver.client.disconnect();
      await transport.close();
    },
    describe: () => `Slack (Socket Mode): connected to Slack, no inbound route (${who})`,
  };
}
