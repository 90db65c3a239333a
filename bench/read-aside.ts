import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createLogger } from '../adapters/logger';
import { readAside, readerFor } from '../adapters/read-aside';
import { createEngine, type Knowledge } from '../src';
import { snapshotOf } from '../src/knowledge/snapshot';
import { SLOW_INPUTS } from './slow-inputs';

const ROUNDS = 5;

/** The event loop's longest stall while `work` runs (and a moment after, when its timer next fires). */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  // A first tick of the histogram's timer, so that the stall that follows is measured from it.
  await new Promise((resolve) => setTimeout(resolve, 5));
  await work();
  // The histogram records a stall when its timer next runs.
  await new Promise((resolve) => setTimeout(resolve, 5));
  delay.disable();
  return delay.max / 1e6;
}

/** What reading long questions aside spares the event loop: its longest stall, on this thread and with the worker. */
export async function benchReadAside(knowledge: Knowledge): Promise<string[]> {
  const here = createEngine(knowledge);
  const aside = createEngine(knowledge);
  const reader = readAside(aside, snapshotOf(knowledge), createLogger(() => undefined));
  try {
    // Both warmed: the worker built and compiled, this thread's engine too.
    await Promise.all(SLOW_INPUTS.map((input) => Promise.all([reader.ask(input.question), readerFor(here).ask(input.question)])));
    const flood = (ask: (question: string) => Promise<unknown>) => () => Promise.all(Array.from({ length: ROUNDS }, () => SLOW_INPUTS.map((input) => ask(input.question))).flat());
    const onThisThread = await longestStall(flood((question) => readerFor(here).ask(question)));
    const inWorker = await longestStall(flood((question) => reader.ask(question)));
    // The machine's own noise: the same measure while nothing runs.
    const idle = await longestStall(() => new Promise((resolve) => setTimeout(resolve, 1000)));
    return [
      `event loop's longest stall while the ${SLOW_INPUTS.length} slowest 4,000-character shapes are asked ${ROUNDS} times at once: read on the event loop ${onThisThread.toFixed(1)} ms, read aside in a worker ${inWorker.toFixed(1)} ms, idle for a second ${idle.toFixed(1)} ms (target: a few ms)`,
    ];
  } finally {
    await reader.close();
  }
}
