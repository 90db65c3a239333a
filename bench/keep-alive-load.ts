import { Agent, request } from 'node:http';
import type { Endpoint } from './endpoints';
import { percentile } from './stats';

/** What a load run gives, whichever generator ran it. */
export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

// As autocannon's default: a request unanswered this long is a failure, and the run goes on.
const TIMEOUT_MS = 10_000;

/**
 * A second load generator beside autocannon: `connections` keep-alive connections of node:http's
 * own client, each sending its next request when the last is answered, as autocannon does. When
 * both see the same tail, it is not one generator's quirk.
 */
export async function keepAliveLoad(url: string, endpoint: Pick<Endpoint, 'request'>, connections: number, seconds: number): Promise<LoadFigures> {
  const { hostname, port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let failures = 0;
  let sent = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const one = () =>
    new Promise<void>((settle) => {
      const asked = endpoint.request(sent++);
      const sentAt = performance.now();
      let answered = false;
      const req = request({ hostname, port, path: asked.path, method: asked.method, headers: asked.headers, agent }, (res) => {
        answered = true;
        res.resume();
        // 'close' comes once, after 'end' or when the response is cut short.
        res.on('close', () => {
          if (res.complete && res.statusCode !== undefined && res.statusCode < 300) latencies.push(performance.now() - sentAt);
          else failures++;
          settle();
        });
      });
      req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error('timed out')));
      // An error before any response (refused, reset, timed out); one after it closes the response too.
      req.on('error', () => {
        if (answered) return;
        failures++;
        settle();
      });
      req.end(asked.body);
    });
  const connection = async () => {
    while (performance.now() < until) await one();
  };
  try {
    await Promise.all(Array.from({ length: connections }, connection));
  } finally {
    agent.destroy();
  }
  // Over the time the run took: requests still in flight at the deadline finish after it.
  const elapsed = (performance.now() - started) / 1000;
  return { rps: Math.round(latencies.length / elapsed), p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)), failures };
}
