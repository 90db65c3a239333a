import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { engine } from '../../helpers/engine';
import { startRedisServer, type RedisServer } from '../../helpers/redis-server';
import { rawConnection } from '../../load/raw-connection';
import { APP_TOKEN, BOT_TOKEN, eventually, startFakeSlack, startSocketServer, type FakeSlack } from '../slack/support';
import { linesOf, startFlags, startInstance, type Instance } from './instances';

jest.setTimeout(60_000);

const ROOT = resolve(__dirname, '../../..');

/** Clients connected to the Redis server, the bot's among them. */
async function redisClients(redis: RedisServer): Promise<number> {
  const probe = new Redis(redis.url, { lazyConnect: true });
  await probe.connect();
  const info = await probe.info('clients');
  probe.disconnect();
  // The probe itself is one of them.
  return Number(/connected_clients:(\d+)/.exec(info)?.[1]) - 1;
}

describe('The systemd unit', () => {
  it('runs dist/server.js with the node flags of npm start', () => {
    const unit = readFileSync(join(ROOT, 'examples/dlo-ports-bot.service'), 'utf8');
    expect(startFlags().length).toBeGreaterThan(0);
    expect(/^ExecStart=(.*)$/m.exec(unit)?.[1]).toBe(['/usr/bin/node', ...startFlags(), 'dist/server.js'].join(' '));
  });
});

describe('The production start: npm run build, then node dist/server.js', () => {
  let redis: RedisServer;
  let slack: FakeSlack;
  let socket: Awaited<ReturnType<typeof startSocketServer>>;
  let bot: Instance;

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
    socket = await startSocketServer();
    [redis, slack] = await Promise.all([startRedisServer(), startFakeSlack({ socketUrl: socket.url })]);
    bot = await startInstance({ REDIS_URL: redis.url, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl }, 'dist');
  });

  afterAll(async () => {
    await bot?.stop('SIGKILL');
    await Promise.all([redis?.stop(), slack?.close(), socket?.close()]);
  });

  it('serves from the bundle: the web page, the API, Slack over its socket, state in Redis', async () => {
    expect((await fetch(`${bot.url}/`)).status).toBe(200);
    const answer = (await (await fetch(`${bot.url}/api/ask?q=what%20uses%20port%20443%3F`)).json()) as { status: string };
    expect(answer.status).toBe('answered');
    // A long question goes to the bundle's own worker (dist/read-aside-worker.js), which must be there.
    const long = `${'which ports does the edge server need, '.repeat(15)}in occasional BOI?`;
    const asideAnswer = (await (await fetch(`${bot.url}/api/ask?q=${encodeURIComponent(long)}`)).json()) as { status: string; rules: unknown[] };
    expect(asideAnswer).toMatchObject({ status: 'answered', rules: engine.ask(long).rules });
    expect(linesOf(bot, 'read_aside_unavailable')).toEqual([]);
    await eventually(() => (socket.connected() ? true : undefined), 10_000);
    expect(await redisClients(redis)).toBeGreaterThan(0);
  });

  it('on SIGTERM stops accepting, finishes the request in flight, closes the Slack socket and Redis, and exits 0', async () => {
    // A request in flight: its headers sent, half its body still to come.
    const body = JSON.stringify({ q: 'what ports does the Edge Server need in exclusive BOI?' });
    const inFlight = await rawConnection(bot.url);
    await inFlight.write(`POST /api/ask HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`);
    await new Promise((resolveSoon) => setTimeout(resolveSoon, 200));
    const stopped = bot.stop('SIGTERM');
    await eventually(() => (linesOf(bot, 'shutting_down').length > 0 ? true : undefined), 5_000);
    // No new connection is accepted once it is stopping.
    await expect(fetch(`${bot.url}/healthz`)).rejects.toThrow();
    await inFlight.write(body.slice(10));
    const response = await inFlight.whenClosed;
    expect(response).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(response).toContain('"status":"answered"');
    expect(await stopped).toBe(0);
    expect(linesOf(bot, 'stopped')).toHaveLength(1);
    expect(socket.closedByBot()).toBe(true);
    expect(await redisClients(redis)).toBe(0);
  });
});
