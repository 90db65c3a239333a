import { chromium, type Browser } from 'playwright-core';
import { createMemoryLogger } from '../../adapters/logger';
import { startServer, type RunningServer } from '../../adapters/server';
import { webSurface } from '../../adapters/web/web-surface';
import type { Engine } from '../../src';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

/** The web surface alone on a free loopback port, and Chromium to open it: what each page test starts first. */
export async function startPageInChromium(engine: Engine): Promise<{ server: RunningServer; browser: Browser }> {
  const log = createMemoryLogger();
  const host = '127.0.0.1';
  const server = await startServer({ engine, log, knowledgeVersion: 'test', surfaces: [webSurface({ engine, log, listen: { host, port: 0 } })], host, port: 0 });
  try {
    return { server, browser: await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }) };
  } catch (error) {
    // A browser that cannot start must not leave the server listening.
    await server.close();
    throw error;
  }
}
