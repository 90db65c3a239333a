import { Agent, request } from 'node:http';
import type { Endpoint } from './endpoints';
import { percentile } from './stats';

export interface KeepAliveRun {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

/**
 * A second load generator beside autocannon: `connections` keep-alive connections of node:http's
 * own client, each sending its next request when the last is answered, as autocannon does. A
 * saturated server's p99 swings between runs by seconds with either one; two generators that agree
 * show that the tail is the server's queue, not one client's habit.
 */
export async function keepAliveLoad(url: string, endpoint: Pick<Endpoint, 'request'>, connections: number, seconds: number): Promise<KeepAliveRun> {
  const { hostname, port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let failures = 0;
  let sent = 0;
  const until = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const asked = endpoint.request(sent++);
      const started = performance.now();
      const req = request({ hostname, port, path: asked.path, method: asked.method, headers: asked.headers, agent }, (res) => {
        if (res.statusCode === undefined || res.statusCode >= 300) failures++;
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - started);
          resolve();
        });
      });
      req.on('error', () => {
        failures++;
        resolve();
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
  return { rps: Math.round(latencies.length / seconds), p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)), failures };
}
