import { loadEngine } from '../adapters/load-engine';
import { loadDefaultKnowledge } from '../src';
import { benchBatch } from './batch';
import { benchDiagram } from './diagram';
import { benchEngine } from './engine';
import { benchReadAside } from './read-aside';
import { benchServer, formatServerBench } from './server-bench';
import { benchSharedState } from './shared-state-bench';
import { benchTargets } from './targets';

/** `npm run bench`: prints one line per figure; nothing here passes or fails. */
async function main(): Promise<void> {
  const engine = loadEngine();
  for (const line of benchEngine(engine)) console.log(line);
  for (const line of benchBatch(engine)) console.log(line);
  for (const line of await benchReadAside(loadDefaultKnowledge())) console.log(line);
  for (const line of formatServerBench(await benchServer(engine))) console.log(line);
  for (const line of await benchSharedState(engine)) console.log(line);
  for (const line of await benchDiagram(engine)) console.log(line);
  for (const line of await benchTargets(engine)) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
