import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
// botbuilder's own dependency (pinned to its version): the public cloud's endpoints.
import { AuthenticationConstants } from 'botframework-connector';
import type { Logger } from '../logger';
import type { AuthenticateRequestResult } from './authenticate';
import type { TeamsConfig } from './config';
import { connectToIpv6Literals } from './ipv6-service-urls';
import { keptConnectors } from './kept-connectors';

/** Test seams: where the identity provider's metadata is, instead of Microsoft's. */
export interface AuthenticationOverrides {
  openIdMetadataUrl?: string;
}

/** botbuilder's authentication for the configuration: none in local mode, Bot Framework tokens otherwise. */
export function createAuthentication(config: Exclude<TeamsConfig, { mode: 'off' }>, overrides: AuthenticationOverrides = {}): ConfigurationBotFrameworkAuthentication {
  const endpoints = overrides.openIdMetadataUrl ? publicCloudWithMetadata(overrides.openIdMetadataUrl) : {};
  if (config.mode === 'local') return connectToIpv6Literals(new ConfigurationBotFrameworkAuthentication(endpoints));
  return connectToIpv6Literals(new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.password,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId,
    ...endpoints,
  }));
}

// Setting any one endpoint makes botbuilder take all of them as given: the rest must be the public cloud's.
function publicCloudWithMetadata(openIdMetadataUrl: string) {
  return {
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * CloudAdapter with its turn processing reachable for an already authenticated request:
 * the route authenticates itself (bounded in time, failing closed without detail) instead of
 * letting CloudAdapter.process answer errors with their message.
 */
export class TeamsCloudAdapter extends CloudAdapter {
  private readonly connectors = keptConnectors();

  runTurn(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(this.connectors(auth), activity, logic);
  }
}

/** The adapter, whose last-chance handler logs the failure and tells the user without detail. */
export function createAdapter(auth: ConfigurationBotFrameworkAuthentication, log: Logger): TeamsCloudAdapter {
  const adapter = new TeamsCloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    log.error('teams_turn_failed', {
      activityType: context.activity.type,
      conversationType: context.activity.conversation?.conversationType,
      error: error instanceof Error ? error.stack : String(error),
    });
    await context.sendActivity('Sorry, something went wrong. Please try again.');
  };
  return adapter;
}
