import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEngine, loadDefaultKnowledge } from '../src';
import { urlOf } from '../adapters/http/listen';
import { createMemoryLogger } from '../adapters/logger';
import { startServer } from '../adapters/server';
import { webSurface } from '../adapters/web/web-surface';

/**
 * One server to measure, in its own process so the load generator does not share its event loop:
 * `bare` (node:http answering a constant) or `app` (our server). Prints its base URL.
 */
async function serve(target: string): Promise<void> {
  const host = '127.0.0.1';
  if (target === 'bare') {
    const body = JSON.stringify({ status: 'ok' });
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    server.listen(0, host, () => console.log(urlOf(server.address() as AddressInfo)));
    return;
  }
  const knowledge = loadDefaultKnowledge();
  const engine = createEngine(knowledge);
  const log = createMemoryLogger();
  const surfaces = [webSurface({ engine, log, listen: { host, port: 0 } })];
  const server = await startServer({ engine, log, knowledgeVersion: knowledge.matrix.version, surfaces, host, port: 0 });
  console.log(server.url);
}

void serve(process.argv[2] ?? 'app');
