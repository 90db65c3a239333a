import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src';
import { benchQuestions } from './questions';
import { percentile } from './stats';

/** Per-question time in process, and the batch command end to end, start-up included. */
export function benchEngine(engine: Engine, count = 10000): string[] {
  const questions = benchQuestions(engine, count);
  for (const q of questions.slice(0, 500)) engine.ask(q); // warm the JIT and the spelling cache
  const times: number[] = [];
  const started = performance.now();
  for (const q of questions) {
    const t0 = performance.now();
    engine.ask(q);
    times.push(performance.now() - t0);
  }
  const total = performance.now() - started;

  const batchStarted = performance.now();
  const batch = spawnSync('npm', ['run', '--silent', 'ask', '--', '--json', '--batch'], {
    cwd: resolve(__dirname, '..'),
    input: questions.join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const batchSeconds = (performance.now() - batchStarted) / 1000;
  const answered = batch.stdout.split('\n').filter(Boolean).length;

  return [
    `engine, in process, ${count} questions: mean ${(total / count).toFixed(4)} ms, p50 ${percentile(times, 50).toFixed(4)} ms, p99 ${percentile(times, 99).toFixed(4)} ms, worst ${Math.max(...times).toFixed(3)} ms`,
    `batch command (npm run --silent ask -- --json --batch), ${count} questions, start-up included: ${batchSeconds.toFixed(2)} s (${answered} answers, exit ${batch.status})`,
  ];
}
