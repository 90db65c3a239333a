import { z } from 'zod';
import { ConfigError } from '../config-error';
import { optionalVariable as optional, parseVariables } from '../env-variables';
import { isLoopbackHost } from './loopback';


const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMsi'] as const;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The four variables botbuilder reads, as it reads them (the app type case-insensitively). */
export const teamsEnvSchema = z.object({
  MicrosoftAppId: optional(z.string().trim().regex(GUID, "must be the bot's Microsoft App ID (a GUID)")),
  MicrosoftAppPassword: optional(z.string()),
  MicrosoftAppType: optional(
    z
      .string()
      .trim()
      .transform((value) => APP_TYPES.find((type) => type.toLowerCase() === value.toLowerCase()) ?? value)
      .pipe(z.enum(APP_TYPES, { error: `must be one of ${APP_TYPES.join(', ')}` })),
  ),
  MicrosoftAppTenantId: optional(z.string().trim()),
  /** Comma-separated tenant ids allowed to ask; unset: every tenant that can reach the bot. */
  TEAMS_ALLOWED_TENANT_IDS: optional(z.string()),
});
export type TeamsEnv = z.infer<typeof teamsEnvSchema>;

export const teamsConfigSchema = z.discriminatedUnion('mode', [
  /** Nothing configured and not on loopback: no endpoint at all rather than an unauthenticated one. */
  z.object({ mode: z.literal('off') }),
  /** No app id: the Bot Framework Emulator or Agents Playground, on loopback only. */
  z.object({ mode: z.literal('local') }),
  z.object({
    mode: z.literal('authenticated'),
    appId: z.string(),
    appType: z.enum(APP_TYPES),
    password: z.string().optional(),
    tenantId: z.string().optional(),
  }),
]);
export type TeamsConfig = z.infer<typeof teamsConfigSchema>;

/** The tenants allowed to ask (TEAMS_ALLOWED_TENANT_IDS), or undefined for everyone. */
export function allowedTenants(env: NodeJS.ProcessEnv): Set<string> | undefined {
  const list = parseTeamsEnv(env).TEAMS_ALLOWED_TENANT_IDS?.split(',').map((id) => id.trim()).filter(Boolean);
  return list?.length ? new Set(list) : undefined;
}

/** The Teams variables, validated; a bad value stops start-up with its name (never its value). */
export function parseTeamsEnv(env: NodeJS.ProcessEnv): TeamsEnv {
  return parseVariables(teamsEnvSchema, env, 'Teams configuration');
}


/**
 * The Teams surface's configuration. Half a configuration is refused rather than guessed at, and
 * local mode (no app id: no authentication, replies to any serviceUrl) runs only while listening on
 * loopback; elsewhere, with nothing configured, Teams is off.
 */
export function teamsConfig(env: NodeJS.ProcessEnv, listenHost: string): TeamsConfig {
  const vars = parseTeamsEnv(env);
  const { MicrosoftAppId: appId, MicrosoftAppPassword: password, MicrosoftAppTenantId: tenantId } = vars;
  if (!appId) {
    const stray = (['MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId'] as const).filter((name) => vars[name] !== undefined);
    // (TEAMS_ALLOWED_TENANT_IDS alone is no half configuration: it restricts whichever mode runs.)
    if (stray.length > 0) refuse(`${stray.join(' and ')} set without MicrosoftAppId: set MicrosoftAppId too, or unset them for local mode.`);
    // Local mode authenticates nobody and replies to any serviceUrl: never on a network. With no
    // Teams variable at all, Teams is simply off there, so a web- or Slack-only server still starts.
    return isLoopbackHost(listenHost) ? { mode: 'local' } : { mode: 'off' };
  }
  const appType = vars.MicrosoftAppType ?? 'MultiTenant';
  if (appType === 'UserAssignedMsi') {
    if (!tenantId) refuse('MicrosoftAppType=UserAssignedMsi needs MicrosoftAppTenantId.');
    if (password) refuse('MicrosoftAppType=UserAssignedMsi takes no MicrosoftAppPassword: the managed identity signs in.');
    return { mode: 'authenticated', appId, appType, tenantId };
  }
  if (!password) refuse(`MicrosoftAppId is set but MicrosoftAppPassword is not (MicrosoftAppType=${appType} signs in with it).`);
  if (appType === 'SingleTenant' && !tenantId) refuse('MicrosoftAppType=SingleTenant needs MicrosoftAppTenantId.');
  // A tenant with the default type is most likely a single-tenant bot whose type was left out.
  if (appType === 'MultiTenant' && tenantId) {
    refuse('MicrosoftAppTenantId is set but MicrosoftAppType is MultiTenant (the default): set MicrosoftAppType=SingleTenant, or unset the tenant.');
  }
  return { mode: 'authenticated', appId, appType, password, ...(tenantId ? { tenantId } : {}) };
}

function refuse(reason: string): never {
  throw new ConfigError(`Teams: ${reason}`);
}
