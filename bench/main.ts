import { loadEngine } from '../adapters/load-engine';
import { benchEngine } from './engine';

/** `npm run bench`: prints figures; nothing here passes or fails. */
async function main(): Promise<void> {
  const engine = loadEngine();
  for (const line of benchEngine(engine)) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
