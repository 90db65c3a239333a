import type { Authorize, AuthorizeResult } from '@slack/bolt';

interface AuthTestResult {
  user_id?: string;
  bot_id?: string;
}

/**
 * Bolt's authorize for one workspace and one bot token. The bot's own ids (needed to ignore its
 * own messages) come from auth.test, asked on first use rather than at start-up, so a Slack outage
 * cannot fail start-up; asked again only after a failure.
 */
export function singleWorkspaceAuthorize(botToken: string, authTest: () => Promise<AuthTestResult>): Authorize<boolean> {
  let identity: Promise<AuthorizeResult> | undefined;
  return async () => {
    identity ??= authTest().then(
      (result) => ({ botToken, botUserId: result.user_id, botId: result.bot_id }),
      (error: unknown) => {
        identity = undefined;
        throw error;
      },
    );
    // Bolt adds the request's user and team to the result: each request gets its own copy.
    return { ...(await identity) };
  };
}
