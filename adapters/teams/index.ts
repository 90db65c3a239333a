import { memoryState } from '../state/shared-state';
import type { Surface, SurfaceDeps, SurfaceOff } from '../surface';
import { createBot } from './bot';
import { createAdapter, createAuthentication, type AuthenticationOverrides } from './cloud-adapter';
import { allowedTenants, teamsConfig } from './config';
import { MESSAGES_PATH, messagesRouter } from './messages-route';

export interface TeamsOptions extends AuthenticationOverrides {
  /** How long a token check may wait for the identity provider's signing keys. */
  authTimeoutMs?: number;
}

/**
 * Microsoft Teams at POST /api/messages, on botbuilder's CloudAdapter. Every botbuilder import
 * stays in this folder, so moving to its successor (@microsoft/agents-hosting) touches only it.
 * Throws ConfigError on half a configuration; off loopback with nothing configured, Teams is off.
 */
export function teamsSurface(env: NodeJS.ProcessEnv, deps: SurfaceDeps, options: TeamsOptions = {}): Surface | SurfaceOff {
  const config = teamsConfig(env, deps.listen.host);
  if (config.mode === 'off') {
    return { name: 'Teams', enableWith: 'MicrosoftAppId and MicrosoftAppPassword (without them, local mode runs only when HOST is loopback)' };
  }
  const auth = createAuthentication(config, options);
  const adapter = createAdapter(auth, deps.log);
  const tenants = allowedTenants(env);
  const state = deps.state ?? memoryState();
  const bot = createBot(deps.engine, { log: deps.log, allowedTenants: tenants, store: state.conversations, limiter: state.limiter('teams-conversation') });
  const who = tenants ? `tenants ${[...tenants].join(', ')} only` : 'any tenant';
  const local = config.mode === 'local';
  return {
    name: 'Teams',
    mount: (app) => app.use(messagesRouter({ auth, adapter, bot, log: deps.log, local, authTimeoutMs: options.authTimeoutMs })),
    describe: (baseUrl) =>
      local
        ? `Teams (local mode, no authentication): POST ${baseUrl}${MESSAGES_PATH}, for the Bot Framework Emulator or Agents Playground (${who})`
        : `Teams: POST ${baseUrl}${MESSAGES_PATH} (Bot Framework app ${config.appId}, ${config.appType}; ${who})`,
  };
}
