import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src';
import { benchQuestions } from './questions';

/** The batch command end to end, start-up included, as a script would run it: seconds, answers, exit status. */
function runBatch(questions: string[]) {
  const started = performance.now();
  const batch = spawnSync('npm', ['run', '--silent', 'ask', '--', '--json', '--batch'], {
    cwd: resolve(__dirname, '..'),
    input: questions.join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return { seconds: (performance.now() - started) / 1000, answered: batch.stdout.split('\n').filter(Boolean).length, status: batch.status };
}

/**
 * The batch over the mix (a few hundred distinct questions asked again and again, as a script's
 * list of hosts would), and over as many questions that are all distinct (a ticket id before each).
 */
export function benchBatch(engine: Engine, count = 10000): string[] {
  const questions = benchQuestions(engine, count);
  const distinct = questions.map((question, i) => `INC${1_000_000 + i}: ${question}`);
  return [
    [questions, `the mix, ${new Set(questions).size} distinct`],
    [distinct, 'all distinct'],
  ].map(([asked, what]) => {
    const { seconds, answered, status } = runBatch(asked as string[]);
    return `batch throughput (npm run --silent ask -- --json --batch, ${count} questions: ${what as string}; start-up included): ${Math.round(answered / seconds)} questions/s (${seconds.toFixed(2)} s, ${answered} answers, exit ${status}); target under 1 s`;
  });
}
