import { KnowledgeError } from '../../src';
import { ConfigError } from '../config-error';
import { loadDotEnv } from '../server-config';
import { writeAppPackage } from './app-package';

const DEFAULT_OUTPUT = 'dist/teams/dlo-ports-teams.zip';

/** `npm run teams:package [-- OUTPUT.zip]`: the app package for MicrosoftAppId, to sideload into Teams. */
async function main(): Promise<void> {
  loadDotEnv();
  const path = await writeAppPackage(process.env, process.argv[2] ?? DEFAULT_OUTPUT);
  console.log(`Wrote ${path}: in Teams, Apps > Manage your apps > Upload an app > Upload a custom app.`);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof KnowledgeError;
  console.error(known ? error.message : error);
  process.exit(1);
});
