import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEngine, loadDefaultKnowledge } from '../src';
import { snapshotOf } from '../src/knowledge/snapshot';
import { urlOf } from '../adapters/http/listen';
import { createLogger } from '../adapters/logger';
import { readAside } from '../adapters/read-aside';
import { startServer } from '../adapters/server';
import { buildSurfaces, isOn } from '../adapters/surfaces';
import { BOT_TOKEN, SIGNING_SECRET, startFakeSlack } from '../test/adapters/slack/support';
import { FLOOR_STACKS, serveFloor } from './floor-servers';

/**
 * node:http reading the body and answering a constant: the baseline, and the Teams connector's
 * stand-in. With `burnMs`, it first spends that much CPU on each request, as a server that does work.
 */
function serveBare(host: string, burnMs = 0): void {
  const body = JSON.stringify({ id: 'bare' });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      for (const until = performance.now() + burnMs; performance.now() < until; );
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
  });
  server.listen(0, host, () => console.log(urlOf(server.address() as AddressInfo)));
}

/**
 * Our server with every surface on, as npm start runs it (long questions read aside): the web page and /api/ask, Slack in HTTP
 * mode (its Web API faked on loopback, asked only for auth.test) and Teams in local mode.
 */
async function serveApp(host: string): Promise<void> {
  const knowledge = loadDefaultKnowledge();
  const engine = createEngine(knowledge);
  // Every line is built as in production, then dropped: the bench's output stays readable.
  const log = createLogger(() => undefined);
  readAside(engine, snapshotOf(knowledge), log);
  const slack = await startFakeSlack();
  const env = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl };
  const surfaces = buildSurfaces(env, { engine, log, listen: { host, port: 0 } }).filter(isOn);
  // The bench is one client asking as fast as it can: it measures the server, not the per-client limit.
  const server = await startServer({ engine, log, knowledgeVersion: knowledge.matrix.version, surfaces, host, port: 0, questionLimit: { points: 1e9, duration: 60 } });
  console.log(server.url);
}

/**
 * One server to measure, in its own process so the load generator does not share its event loop.
 * Prints its base URL.
 */
function serve(target: string, burnMs: number): Promise<void> | void {
  const host = '127.0.0.1';
  const floor = FLOOR_STACKS.find((stack) => target === `floor-${stack}`);
  if (floor) return serveFloor(host, floor);
  return target === 'bare' ? serveBare(host, burnMs) : serveApp(host);
}

void serve(process.argv[2] ?? 'app', Number(process.argv[3] ?? 0));
