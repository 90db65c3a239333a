import { z } from 'zod';

/** Ids that let a log line be matched to a Slack request: never a token, a response_url or a message's text. */
export type RequestIds = Record<string, string | undefined>;

// Every field optional and never failing: an id Slack left out, or sent in another shape, is just absent.
const id = z.string().optional().catch(undefined);
const slackRequestSchema = z.object({
  type: id,
  event_id: id,
  team_id: id,
  event: z.object({ type: id, channel: id, user: id, ts: id, user_team: id }).optional().catch(undefined),
  command: id,
  channel_id: id,
  user_id: id,
  team: z.object({ id }).nullish().catch(undefined),
  user: z.object({ id, team_id: id }).optional().catch(undefined),
  channel: z.object({ id }).optional().catch(undefined),
  actions: z.array(z.object({ action_id: id })).optional().catch(undefined),
  message: z.object({ ts: id }).optional().catch(undefined),
});

/**
 * The ids of an event, a slash command or a button click. `teamId` is the workspace the request
 * was made in; `userTeam` the asker's own when Slack names it (people from other organisations
 * in a shared channel).
 */
export function requestIds(body: unknown): RequestIds {
  const parsed = slackRequestSchema.safeParse(body);
  if (!parsed.success) return {};
  const { data } = parsed;
  if (data.event) {
    const { event } = data;
    return { kind: event.type, eventId: data.event_id, teamId: data.team_id, userTeam: event.user_team, channel: event.channel, user: event.user, ts: event.ts };
  }
  if (data.command) return { kind: 'command', command: data.command, teamId: data.team_id, channel: data.channel_id, user: data.user_id };
  return {
    kind: data.type,
    actionId: data.actions?.[0]?.action_id,
    teamId: data.team?.id ?? data.user?.team_id,
    userTeam: data.user?.team_id,
    channel: data.channel?.id,
    user: data.user?.id,
    messageTs: data.message?.ts,
  };
}

/** The workspaces a request comes from: the one it was made in and, when Slack says, the asker's own. */
export function workspacesOf(ids: RequestIds): string[] {
  return [...new Set([ids.teamId, ids.userTeam].filter((team): team is string => Boolean(team)))];
}
