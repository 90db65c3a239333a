import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A forced collection without --expose-gc: the flag can be set at run time, and a new context sees it.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Resident set and live heap after a full collection, in MB: what a leak would grow. */
export async function memoryAfterGc(): Promise<{ rssMb: number; heapMb: number }> {
  // Twice, a turn apart: finalizers freed by the first collection are collected by the second.
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: rss / 2 ** 20, heapMb: heapUsed / 2 ** 20 };
}
