import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import JSZip from 'jszip';
import { z } from 'zod';
import { createEngine, loadDefaultKnowledge } from '../../src';
import { version } from '../../package.json';
import { ConfigError } from '../config-error';
import { parseVariables, variableWithDefault } from '../env-variables';
import { parseTeamsEnv } from './config';
import { colorIcon, outlineIcon } from './icons';
import { buildManifest, exampleCommands, type TeamsManifest } from './manifest';

// Only the package reads these: Teams shows them on the app's page, and an org catalog wants real ones.
const packageEnvSchema = z.object({
  TEAMS_APP_DEVELOPER_NAME: variableWithDefault(z.string().trim().max(32).default('DLO ports bot')),
  TEAMS_APP_DEVELOPER_URL: variableWithDefault(z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).default('https://example.com/')),
});

/** The sideloadable app package: manifest.json and both icons at the root of a zip, as Teams wants. */
export function buildAppPackage(manifest: TeamsManifest): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  zip.file('color.png', colorIcon());
  zip.file('outline.png', outlineIcon());
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Writes the app package for the environment's MicrosoftAppId to `output`; returns its absolute path. */
export async function writeAppPackage(env: NodeJS.ProcessEnv, output: string): Promise<string> {
  const appId = parseTeamsEnv(env).MicrosoftAppId;
  if (!appId) throw new ConfigError("teams:package needs MicrosoftAppId (the bot's Microsoft App ID): Teams finds the bot by it.");
  const { TEAMS_APP_DEVELOPER_NAME: name, TEAMS_APP_DEVELOPER_URL: url } = parseVariables(packageEnvSchema, env, 'Teams package settings');
  const engine = createEngine(loadDefaultKnowledge());
  const manifest = buildManifest({
    appId,
    version,
    developer: { name, websiteUrl: url, privacyUrl: url, termsOfUseUrl: url },
    product: engine.catalog.product,
    commands: exampleCommands(engine),
  });
  const path = resolve(output);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, await buildAppPackage(manifest));
  return path;
}
