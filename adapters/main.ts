import { createEngine, KnowledgeError } from '../src';
import { snapshotOf } from '../src/knowledge/snapshot';
import { ConfigError } from './config-error';
import { loadKnowledgeOf } from './load-engine';
import { QUESTION_LIMIT } from './http/question-rate-limit';
import { createLogger } from './logger';
import { readAside } from './read-aside';
import { startServer } from './server';
import { apiQuestionsPerMinute, loadDotEnv, logConfig, metricsOn, serverConfig } from './server-config';
import { SHUTDOWN, exitOnSignals } from './shutdown';
import { createSharedState } from './state/shared-state';
import { stateConfig } from './state/state-config';
import { buildSurfaces, describeSurfaces, isOn } from './surfaces';

/** `npm start` (and `node dist/server.js`): one server for every surface that is switched on. */
async function main(): Promise<void> {
  loadDotEnv();
  const log = createLogger(undefined, logConfig(process.env));
  const knowledge = loadKnowledgeOf();
  const engine = createEngine(knowledge);
  // Long questions are read in a worker thread, so that none holds the event loop.
  const reader = readAside(engine, snapshotOf(knowledge), log);
  const listen = serverConfig(process.env);
  const metrics = metricsOn(process.env);
  const questionLimit = { ...QUESTION_LIMIT, points: apiQuestionsPerMinute(process.env) };
  const sharing = stateConfig(process.env);
  // Connecting never fails start-up: until Redis answers, the state is per-process.
  const state = createSharedState(sharing, log);
  const surfaces = buildSurfaces(process.env, { engine, log, listen, state });
  const server = await startServer({
    engine,
    log,
    knowledgeVersion: engine.catalog.version,
    surfaces: surfaces.filter(isOn),
    state,
    metrics,
    questionLimit,
    drainMs: SHUTDOWN.drainMs,
    ...listen,
  });
  exitOnSignals(() => server.close().then(reader.close), log);
  for (const line of describeSurfaces(surfaces, server.url)) console.log(line);
  if (sharing.redisUrl) console.log(`shared state: Redis (keys ${sharing.prefix}…)`);
  if (metrics) console.log(`metrics: ${server.url}/metrics`);
}

main().catch((error: unknown) => {
  // Our own start-up errors carry a message meant for people; anything else keeps its stack.
  const known = error instanceof ConfigError || error instanceof KnowledgeError;
  console.error(known ? error.message : (listenFailure(error) ?? error));
  process.exit(1);
});

/** A port that cannot be listened on, said in one line with what to do instead of a stack. */
function listenFailure(error: unknown): string | undefined {
  const { code, port, address } = error as { code?: unknown; port?: unknown; address?: unknown };
  const where = `port ${String(port)} on ${String(address)}`;
  const another = `choose another with PORT (for example PORT=${Number(port) + 1} npm start; PORT=0 picks a free one)`;
  if (code === 'EADDRINUSE') return `Cannot listen: ${where} is already in use (is the bot running already?). Stop what uses it, or ${another}.`;
  if (code === 'EACCES') return `Cannot listen: ${where} needs privileges this user does not have; ${another}.`;
  if (code === 'EADDRNOTAVAIL') return `Cannot listen: ${String(address)} is no address of this machine; set HOST to one of its addresses (HOST=0.0.0.0 for all).`;
  return undefined;
}
