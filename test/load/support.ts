import { benchQuestions } from '../../bench/questions';
import type { Engine } from '../../src';

/**
 * How many requests are in flight at once, and how many each run sends: fixed counts, so a run is
 * bounded. A Slack command costs about twice a GET /api/ask, a Teams turn (with its reply to the
 * connector) about four times: fewer of them keep every file a few seconds long.
 */
export const LOAD = Object.freeze({ concurrency: 64, apiRequests: 2_000, slackCommands: 1_000, teamsActivities: 500 });

/**
 * The questions of a load run: the bench's mix (components, modes, ports, typos, out of scope),
 * so that the bench measures what these tests prove correct.
 */
export const loadQuestions = (engine: Engine, count: number): string[] => benchQuestions(engine, count);

/** Runs task(0) … task(count - 1) with at most `concurrency` of them in flight; results in task order. */
export async function runConcurrently<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}

/**
 * What went wrong with the request about `question`, or undefined when nothing did; a request
 * that throws (a refused or cut connection) is a problem like a wrong answer.
 */
export async function problemWith(question: string, check: () => Promise<string | undefined>): Promise<string | undefined> {
  try {
    const problem = await check();
    return problem && `${question}: ${problem}`;
  } catch (error) {
    return `${question}: ${String(error)}`;
  }
}
