import { z } from 'zod';
import type { Engine } from '../../src';
import { ACCENT_COLOR } from './icons';

// GA since January 2026; later versions add nothing a bot uses, and every Teams client accepts this one.
export const MANIFEST_VERSION = '1.25';
const SCOPES = ['personal', 'team', 'groupChat'] as const;

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const httpsUrl = z.url({ protocol: /^https$/ });
const commandSchema = z.object({ title: z.string().min(1).max(32), description: z.string().min(1).max(128) });

/** The part of the Teams app manifest schema this app uses, with the schema's own limits. */
export const teamsManifestSchema = z.object({
  $schema: z.literal(`https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`),
  manifestVersion: z.literal(MANIFEST_VERSION),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  id: guid,
  developer: z.object({ name: z.string().min(1).max(32), websiteUrl: httpsUrl, privacyUrl: httpsUrl, termsOfUseUrl: httpsUrl }),
  name: z.object({ short: z.string().min(1).max(30), full: z.string().max(100) }),
  description: z.object({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.object({ color: z.literal('color.png'), outline: z.literal('outline.png') }),
  accentColor: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
  bots: z
    .array(
      z.object({
        botId: guid,
        scopes: z.array(z.enum(SCOPES)).min(1),
        isNotificationOnly: z.boolean(),
        supportsFiles: z.boolean(),
        commandLists: z.array(z.object({ scopes: z.array(z.enum(SCOPES)).min(1), commands: z.array(commandSchema).min(1).max(10) })).max(1),
      }),
    )
    .length(1),
  validDomains: z.array(z.string()),
});
export type TeamsManifest = z.infer<typeof teamsManifestSchema>;
export type BotCommand = z.infer<typeof commandSchema>;

export const developerSchema = teamsManifestSchema.shape.developer;
export type Developer = z.infer<typeof developerSchema>;

export interface ManifestInput {
  /** The bot's Microsoft App ID: both the app's id and its bot id. */
  appId: string;
  /** The app's own version (package.json's): Teams wants it raised on every update. */
  version: string;
  developer: Developer;
  product: string;
  commands: BotCommand[];
}

/** The manifest of a bot-only app that works in personal chats, group chats and team channels. */
export function buildManifest(input: ManifestInput): TeamsManifest {
  return teamsManifestSchema.parse({
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: input.version,
    id: input.appId,
    developer: input.developer,
    name: { short: 'DLO Ports', full: 'DLO firewall ports' },
    description: {
      short: 'Which firewall ports Veritas DLO needs, from the vendor document.',
      full:
        `Ask which firewall ports ${input.product} needs: for a component, a port, a service, two components ` +
        'or a deployment mode. Answers are tables taken from the vendor document "Port Requirements for ' +
        'Veritas Desktop and Laptop Option", grouped by deployment mode, in a direct message, a group chat or a channel.',
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: ACCENT_COLOR,
    bots: [
      {
        botId: input.appId,
        scopes: [...SCOPES],
        isNotificationOnly: false,
        supportsFiles: false,
        commandLists: input.commands.length > 0 ? [{ scopes: [...SCOPES], commands: input.commands.slice(0, 10) }] : [],
      },
    ],
    validDomains: [],
  });
}

/**
 * The command menu: the catalog's example questions short enough to be a command's title (which
 * Teams types into the compose box), each described by how the engine reads it.
 */
export function exampleCommands(engine: Engine): BotCommand[] {
  return engine.catalog.examples.flatMap((question) => {
    const answer = engine.ask(question);
    if (question.length > 32 || answer.status !== 'answered') return [];
    return [{ title: question, description: `Understood as: ${answer.understood}`.slice(0, 128) }];
  });
}
