import { performance } from 'node:perf_hooks';
import type { Engine } from '../src';
import { benchQuestions } from './questions';
import { SLOW_INPUTS } from './slow-inputs';
import { percentile } from './stats';

// Each slow shape is asked this many times: its worst time, not one lucky run.
const SLOW_INPUT_RUNS = 20;
const WARM_UP = 500;

/** Milliseconds one question takes, asked once. */
function timeOf(engine: Engine, question: string): number {
  const started = performance.now();
  engine.ask(question);
  return performance.now() - started;
}

/** SLOW_INPUT_RUNS askings of one question. */
const runsOf = (engine: Engine, question: string) => Array.from({ length: SLOW_INPUT_RUNS }, () => timeOf(engine, question));
const worstOf = (engine: Engine, question: string) => Math.max(...runsOf(engine, question));

/**
 * Per-question time in process over the mix (mean and p99), and the worst case over the mix and
 * the slowest input shapes at 4,000 characters, with a line for each shape.
 */
export function benchEngine(engine: Engine, count = 10000): string[] {
  const questions = benchQuestions(engine, count);
  for (const q of questions.slice(0, WARM_UP)) engine.ask(q); // warm the JIT and the spelling cache
  // The first pass still pays for the JIT compiling the reading; the second is a server that has run a while.
  const times = questions.map((q) => timeOf(engine, q));
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
  const steady = questions.map((q) => timeOf(engine, q));
  const steadyMean = steady.reduce((sum, time) => sum + time, 0) / steady.length;

  // The median is the input's own cost; the worst adds whatever pause (a collection) fell in a run.
  const slow = SLOW_INPUTS.map(({ shape, question }) => {
    engine.ask(question);
    const runs = runsOf(engine, question);
    return { shape, worst: Math.max(...runs), median: percentile(runs, 50) };
  });
  const worstOfMix = Math.max(...times);
  const slowestOfMix = questions[times.indexOf(worstOfMix)];
  const slowest = slow.reduce((a, b) => (b.worst > a.worst ? b : a));
  // Asked again, the mix's slowest tells a pause (a collection, the JIT) from an input that is slow.
  const worst =
    slowest.worst > worstOfMix
      ? { time: slowest.worst, of: `4,000 characters of ${slowest.shape}` }
      : { time: worstOfMix, of: `${JSON.stringify(slowestOfMix)} of the mix (asked ${SLOW_INPUT_RUNS} times again: worst ${worstOf(engine, slowestOfMix).toFixed(2)} ms)` };

  return [
    `engine per-question mean (${count} questions of the mix, in process, after ${WARM_UP} to warm up): ${mean.toFixed(4)} ms`,
    `engine per-question p99: ${percentile(times, 99).toFixed(4)} ms`,
    `engine per-question mean, the mix asked again (steady state): ${steadyMean.toFixed(4)} ms, p99 ${percentile(steady, 99).toFixed(4)} ms`,
    `engine worst case (the mix, and ${slow.length} slow shapes asked ${SLOW_INPUT_RUNS} times each): ${worst.time.toFixed(2)} ms, for ${worst.of}`,
    ...slow.map(({ shape, worst: time, median }) => `engine, 4,000 characters of ${shape}: median ${median.toFixed(2)} ms, worst ${time.toFixed(2)} ms`),
  ];
}
