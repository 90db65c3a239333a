import { createMemoryLogger } from '../../adapters/logger';
import { startServer, type RunningServer } from '../../adapters/server';
import { logConfig, metricsOn } from '../../adapters/server-config';
import { webSurface } from '../../adapters/web/web-surface';
import { engine } from '../helpers/engine';

const parsed = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('Log lines (pino)', () => {
  it('are one JSON object each: level, ISO time and event first-class, the question only when allowed', () => {
    const log = createMemoryLogger();
    log.info('answered', { surface: 'api', question: 'what uses port 443?' });
    const [line] = parsed(log.lines);
    expect(line).toEqual({ level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), event: 'answered', surface: 'api' });
    const withQuestions = createMemoryLogger({ questions: true });
    withQuestions.info('answered', { question: 'what uses port 443?' });
    expect(parsed(withQuestions.lines)[0].question).toBe('what uses port 443?');
  });

  it('redact tokens, secrets and Authorization headers passed by mistake', () => {
    const log = createMemoryLogger();
    log.error('oops', { token: 'xoxb-1', authorization: 'Bearer abc', headers: { authorization: 'Bearer def', host: 'x' }, config: { password: 'hunter2' } });
    const text = log.lines.join('\n');
    for (const secret of ['xoxb-1', 'Bearer abc', 'Bearer def', 'hunter2']) expect(text).not.toContain(secret);
    expect(parsed(log.lines)[0]).toMatchObject({ token: '[redacted]', headers: { authorization: '[redacted]', host: 'x' }, config: { password: '[redacted]' } });
  });

  it('leave out what is below LOG_LEVEL', () => {
    const log = createMemoryLogger({ level: 'warn' });
    log.info('answered');
    log.warn('redis_unavailable');
    expect(parsed(log.lines).map((line) => line.event)).toEqual(['redis_unavailable']);
  });

  it('LOG_LEVEL and METRICS are validated by name', () => {
    expect(logConfig({ LOG_LEVEL: 'debug' })).toEqual({ questions: false, level: 'debug' });
    expect(() => logConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info/);
    expect(metricsOn({})).toBe(false);
    expect(metricsOn({ METRICS: 'true' })).toBe(true);
    expect(() => metricsOn({ METRICS: 'yes' })).toThrow(/METRICS must be true or false/);
  });
});

describe('Request ids and /metrics on the server', () => {
  const log = createMemoryLogger();
  let plain: RunningServer;
  let measured: RunningServer;
  const options = { engine, log, knowledgeVersion: 'test', surfaces: [webSurface({ engine, log, listen: { host: '127.0.0.1', port: 0 } })], host: '127.0.0.1', port: 0, drainMs: 100 };

  beforeAll(async () => {
    [plain, measured] = await Promise.all([startServer(options), startServer({ ...options, metrics: true })]);
  });
  afterAll(() => Promise.all([plain.close(), measured.close()]));

  it("ties an answer's log line to its request: the caller's X-Request-Id, or a fresh one, echoed back", async () => {
    const given = await fetch(`${plain.url}/api/ask?q=what%20uses%20port%20443%3F`, { headers: { 'x-request-id': 'lb-req-00042' } });
    expect(given.headers.get('x-request-id')).toBe('lb-req-00042');
    const fresh = await fetch(`${plain.url}/api/ask?q=what%20uses%20port%20137%3F`, { headers: { 'x-request-id': 'no spaces allowed' } });
    const id = fresh.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const answered = parsed(log.lines).filter((line) => line.event === 'answered');
    expect(answered.map((line) => line.requestId)).toEqual(expect.arrayContaining(['lb-req-00042', id]));
  });

  it('serves no /metrics unless METRICS=true', async () => {
    expect((await fetch(`${plain.url}/metrics`)).status).toBe(404);
    const response = await fetch(`${measured.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
  });

  it('counts refusals by status: a body too large is a 413', async () => {
    await fetch(`${measured.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ q: 'x'.repeat(40_000) }) });
    expect(await (await fetch(`${measured.url}/metrics`)).text()).toMatch(/dlo_rejected_requests_total\{reason="413"\} [1-9]/);
  });
});
