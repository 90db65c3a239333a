import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src';
import { benchQuestions } from './questions';

/** The batch command end to end, start-up included, as a script would run it. */
export function benchBatch(engine: Engine, count = 10000): string[] {
  const questions = benchQuestions(engine, count);
  const started = performance.now();
  const batch = spawnSync('npm', ['run', '--silent', 'ask', '--', '--json', '--batch'], {
    cwd: resolve(__dirname, '..'),
    input: questions.join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - started) / 1000;
  const answered = batch.stdout.split('\n').filter(Boolean).length;
  return [
    `batch throughput (npm run --silent ask -- --json --batch, ${count} questions, start-up included): ${Math.round(answered / seconds)} questions/s (${seconds.toFixed(2)} s, ${answered} answers, exit ${batch.status}); target under 1 s`,
  ];
}
