import type { App } from '@slack/bolt';
import { SLACK_ACTIONS } from '../../src';
import type { Logger } from '../logger';
import { SLASH_COMMAND, type SlackDeps } from './answer-message';
import { onAskButton, onCsvButton, onShare } from './button-actions';
import { onDiagramButton } from './diagram-button';
import { onAppMention, onDirectMessage } from './conversation';
import { answeredOnce } from './answered-once';
import { firstDeliveryOnly } from './first-delivery';
import { describeError } from './reply';
import { requestIds } from './request-ids';
import { onSlashCommand } from './slash-command';
import { whoMayAsk } from './who-may-ask';

/** What the bot listens to: the manifest subscribes to exactly these. */
export function registerListeners(app: App, deps: SlackDeps, allowedTeams: ReadonlySet<string> | undefined): void {
  // Repeats are dropped before the workspace check, so that a refused event is logged once.
  app.use(firstDeliveryOnly(deps.log, deps.events));
  app.use(answeredOnce(deps.log, deps.replays));
  app.use(whoMayAsk(allowedTeams, deps.log));
  app.event('app_mention', onAppMention(deps));
  app.message(onDirectMessage(deps));
  app.command(SLASH_COMMAND, onSlashCommand(deps));
  app.action(SLACK_ACTIONS.share, onShare(deps));
  app.action(SLACK_ACTIONS.csv, onCsvButton(deps));
  app.action(SLACK_ACTIONS.diagram, onDiagramButton(deps));
  app.action(SLACK_ACTIONS.ask, onAskButton(deps));
  // The last stop for what the listeners do not catch themselves (e.g. auth.test failing).
  app.error(onUnhandledError(deps.log));
}

// With extendedErrorHandler on, Bolt passes the request body along: its ids go into the log line.
type ExtendedErrorHandler = Parameters<App['error']>[0];

function onUnhandledError(log: Logger): ExtendedErrorHandler {
  return async ({ error, body }) => {
    log.error('slack_error', { ...requestIds(body), error: describeError(error.original ?? error) });
  };
}
