import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SLASH_COMMAND } from '../../../adapters/slack/answer-message';

const manifest = parse(readFileSync(join(__dirname, '../../../adapters/slack/manifest.yml'), 'utf8'));

describe('The Slack app manifest', () => {
  it('asks for exactly the scopes the bot uses', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'files:write', 'im:history']);
  });

  it('subscribes to mentions and direct messages, with the DM tab open', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.im']);
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });

  it('declares the slash command the adapter listens to, and interactivity for its buttons', () => {
    expect(manifest.features.slash_commands.map((command: { command: string }) => command.command)).toEqual([SLASH_COMMAND]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('creates a Socket Mode app; its comments show the HTTP mode URLs on /slack/events', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    const commentedUrls = readFileSync(join(__dirname, '../../../adapters/slack/manifest.yml'), 'utf8').match(/# (request_)?url: .*/g);
    expect(commentedUrls).toHaveLength(3);
    expect(commentedUrls!.every((line) => line.endsWith('/slack/events'))).toBe(true);
  });
});
