import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Answer } from '../../src';
import { logAnswer } from '../answer-log';
import { diagramsFor } from '../diagrams';
import { metrics } from '../metrics';
import { SLOW_DOWN } from '../rate-limit';
import { readerFor } from '../read-aside';
import { conversationKey, type SlackConversation, type SlackDeps } from './answer-message';
import { withinAskLimit } from './answer-request';
import { readDiagramValue } from './diagram-value';
import { describeError, respondVia } from './reply';
import { requestIds } from './request-ids';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const NO_RULES = 'That answer has no rules, so there is nothing to draw.';
/** What the user reads when Slack refuses the upload, by Slack's error code. */
const CANNOT_POST: Record<string, string> = {
  not_in_channel: 'I cannot post the diagram in this channel: I am not a member. Invite me (`/invite @DLO Ports`) or ask me in a direct message.',
  channel_not_found: 'I cannot post the diagram here: I cannot see this conversation. Invite me to it, or ask me in a direct message.',
  missing_scope: 'I cannot post the diagram: the app lacks the `files:write` scope. Reinstall it with the manifest in the repository.',
};
const CANNOT_POST_OTHERWISE = 'I could not post the diagram here. Please try again, or ask me in a direct message.';

/**
 * "Show diagram": the answer's flows as a PNG, uploaded (files.uploadV2: get an upload URL, upload,
 * complete) into the conversation of the button: the thread or DM of a posted answer, the channel of
 * a slash command. A follow-up is read in its thread's context without moving it on. When Slack
 * refuses the upload, the user is told privately why, never left without a word.
 */
export function onDiagramButton(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const startedAt = performance.now();
    const ids = requestIds(args.body);
    const tell = respondVia(args.respond, 'ephemeral');
    const told = (text: string) => tell({ text }).catch((error: unknown) => deps.log.error('slack_sorry_failed', { ...ids, error: describeError(error) }));
    // Uploads count against the asker's limit like questions: a picture in a channel is a reply everyone sees.
    if (!(await withinAskLimit(deps, ids, 'asker', () => told(SLOW_DOWN)))) return;
    const { channel, threadTs, conversation } = targetOf(args.body);
    // A failure counts as Slack's only once the upload has started, not while the picture is drawn.
    let uploading = false;
    try {
      const answer = await answerOf(deps, args.action.value ?? '', conversation);
      if (answer.rules.length === 0 || !channel) {
        await told(channel ? NO_RULES : CANNOT_POST_OTHERWISE);
        return;
      }
      const png = await (await diagramsFor(deps.engine)).png(answer);
      const destination = threadTs ? { channel_id: channel, thread_ts: threadTs } : { channel_id: channel };
      uploading = true;
      await args.client.files.uploadV2({
        ...destination,
        file: png!,
        filename: 'flow-diagram.png',
        title: answer.summary,
        alt_text: `Flow diagram: ${answer.summary}`,
      });
      logAnswer(deps.log, { surface: 'slack', ids, answer, startedAt });
    } catch (error) {
      const slackError = slackErrorOf(error);
      if (uploading) metrics.outboundFailed('slack');
      deps.log.error('slack_diagram_failed', { ...ids, ...describeError(error), ...(slackError ? { slackError } : {}) });
      await told((slackError && CANNOT_POST[slackError]) || CANNOT_POST_OTHERWISE);
    }
  };
}

/**
 * Where the picture goes: the conversation of a posted answer (its thread, or the DM), or for a
 * private answer (a slash command's) the channel it was asked in, where no thread's context applies.
 */
function targetOf(body: ButtonArgs['body']): { channel?: string; threadTs?: string; conversation?: SlackConversation } {
  const channel = body.channel?.id;
  if (!channel || body.container.is_ephemeral === true) return { channel };
  const threadTs = body.message?.thread_ts;
  return { channel, threadTs, conversation: { team: body.team?.id, channel, threadTs } };
}

/**
 * The answer the button stands for: read in the context it was answered in, when the button carries
 * it; else on its own, or in its thread's conversation (which it leaves as it was).
 */
async function answerOf(deps: SlackDeps, value: string, conversation?: SlackConversation): Promise<Answer> {
  const { question, context } = readDiagramValue(value);
  if (context) return (await readerFor(deps.engine).converse(question, context)).answer;
  if (!conversation) return readerFor(deps.engine).ask(question);
  return (await readerFor(deps.engine).converse(question, await deps.store.get(conversationKey(conversation)))).answer;
}

/** Slack's error code ("not_in_channel") of a failed Web API call, as @slack/web-api reports it. */
function slackErrorOf(error: unknown): string | undefined {
  const code = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  return typeof code === 'string' ? code : undefined;
}
