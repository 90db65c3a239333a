import { z } from 'zod';
import { ConfigError } from '../config-error';
import { optionalVariable as optional, parseVariables } from '../env-variables';

const TEAM_ID = /^T[A-Z0-9]{2,}$/;

// Messages name the variable and the expected form, never the value: it may be a secret.
const slackEnvSchema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().trim().startsWith('xoxb-', 'must be a bot token (xoxb-…)')),
  SLACK_SIGNING_SECRET: optional(z.string().trim().min(1)),
  SLACK_APP_TOKEN: optional(z.string().trim().startsWith('xapp-', 'must be an app-level token (xapp-…)')),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  HTTPS_PROXY: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  https_proxy: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  SLACK_ALLOWED_TEAM_IDS: optional(
    z
      .string()
      .transform((list) => list.split(',').map((id) => id.trim()).filter(Boolean))
      // A workspace name or domain in the list would silently refuse everyone: only ids are taken.
      .pipe(z.array(z.string().regex(TEAM_ID, 'must be workspace ids (T…), comma-separated')).min(1, 'must list at least one workspace id (T…)')),
  ),
});

interface SlackConnection {
  botToken: string;
  /** Replaces https://slack.com/api/ for the Web API (tests, gateways). */
  apiUrl?: string;
  /** Proxy for Web API calls, response_url posts and the Socket Mode connection. */
  proxyUrl?: string;
}

interface SlackAccess extends SlackConnection {
  /** The workspaces whose people may ask (SLACK_ALLOWED_TEAM_IDS); undefined: everyone who can reach the bot. */
  allowedTeams?: ReadonlySet<string>;
}

export type SlackConfig =
  | { mode: 'off' }
  | (SlackAccess & { mode: 'http'; signingSecret: string })
  | (SlackAccess & { mode: 'socket'; appToken: string });

/** The variables that switch Slack on, for the start-up line of a server without Slack. */
export const SLACK_ENABLE_WITH =
  'SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or with SLACK_SIGNING_SECRET (HTTP mode, POST /slack/events)';

/**
 * Slack's variables, validated once. Socket Mode wins when both an app token and a signing
 * secret are set: it is what the app is then configured for. Half a configuration is an error.
 */
export function slackConfig(env: NodeJS.ProcessEnv): SlackConfig {
  const variables = parseVariables(slackEnvSchema, env, 'Slack configuration');
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken } = variables;
  if (!botToken) {
    const orphans = [signingSecret && 'SLACK_SIGNING_SECRET', appToken && 'SLACK_APP_TOKEN'].filter(Boolean);
    if (orphans.length > 0) throw new ConfigError(`Slack: ${orphans.join(' and ')} set but SLACK_BOT_TOKEN is missing`);
    return { mode: 'off' };
  }
  const connection: SlackAccess = {
    botToken,
    apiUrl: variables.SLACK_API_URL,
    proxyUrl: variables.HTTPS_PROXY ?? variables.https_proxy,
    allowedTeams: variables.SLACK_ALLOWED_TEAM_IDS && new Set(variables.SLACK_ALLOWED_TEAM_IDS),
  };
  if (appToken) return { ...connection, mode: 'socket', appToken };
  if (signingSecret) return { ...connection, mode: 'http', signingSecret };
  throw new ConfigError(
    'Slack: SLACK_BOT_TOKEN is set but SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) is missing',
  );
}
