import { KnowledgeError } from '../src';
import { ConfigError } from './config-error';
import { loadEngine } from './load-engine';
import { createLogger } from './logger';
import { startServer } from './server';
import { loadDotEnv, logConfig, serverConfig } from './server-config';
import { exitOnSignals } from './shutdown';
import { buildSurfaces, describeSurfaces, isOn } from './surfaces';

/** `npm start`: one server for every surface that is switched on. */
async function main(): Promise<void> {
  loadDotEnv();
  const log = createLogger(undefined, logConfig(process.env));
  const engine = loadEngine();
  const listen = serverConfig(process.env);
  const surfaces = buildSurfaces(process.env, { engine, log, listen });
  const server = await startServer({
    engine,
    log,
    knowledgeVersion: engine.catalog.version,
    surfaces: surfaces.filter(isOn),
    ...listen,
  });
  exitOnSignals(server.close, log);
  for (const line of describeSurfaces(surfaces, server.url)) console.log(line);
}

main().catch((error: unknown) => {
  // Our own start-up errors carry a message meant for people; anything else keeps its stack.
  const known = error instanceof ConfigError || error instanceof KnowledgeError;
  console.error(known ? error.message : error);
  process.exit(1);
});
