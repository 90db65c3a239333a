import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../logger';
import { requestIds, workspacesOf } from './request-ids';

/**
 * With SLACK_ALLOWED_TEAM_IDS, only requests whose workspaces are all on the list reach the
 * listeners (an outsider in a shared channel is refused too, as is a request that names no
 * workspace). Anyone else gets no answer, only an acknowledgement so that Slack shows no error,
 * and the log one `slack_team_refused` line.
 */
export function whoMayAsk(allowedTeams: ReadonlySet<string> | undefined, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    if (!allowedTeams) return args.next();
    const ids = requestIds(args.body);
    const workspaces = workspacesOf(ids);
    if (workspaces.length > 0 && workspaces.every((team) => allowedTeams.has(team))) return args.next();
    log.warn('slack_team_refused', ids);
    // Events are acknowledged by Bolt itself; commands and clicks wait for ours.
    if ('ack' in args && args.ack) await args.ack();
  };
}
