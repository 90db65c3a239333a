import { loadEngineFromSnapshot } from './knowledge-snapshot';
import { runCli } from './run-cli';

runCli(process.argv.slice(2), () => loadEngineFromSnapshot()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
