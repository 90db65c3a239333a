import type { Express } from 'express';
import { answerSchema, createEngine, loadDefaultKnowledge, renderCsv, renderMarkdown } from '../../src';
import { createApp, startServer, type RunningServer } from '../../adapters/server';
import type { Readiness } from '../../adapters/http/health-route';
import { listen, urlOf } from '../../adapters/http/listen';
import { createMemoryLogger } from '../../adapters/logger';
import type { Surface } from '../../adapters/surface';
import { webSurface } from '../../adapters/web/web-surface';

const knowledge = loadDefaultKnowledge();
const engine = createEngine(knowledge);
const HOST = '127.0.0.1';

/** A surface that only records what the server does with it. */
function probeSurface(routes: (app: Express) => void = () => {}): Surface & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    name: 'probe',
    mount: (app) => {
      calls.push('mount');
      routes(app);
    },
    start: async () => {
      calls.push('start');
    },
    stop: async () => {
      calls.push('stop');
    },
    describe: (baseUrl) => `probe: ${baseUrl}/probe`,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('The server, over real HTTP', () => {
  const log = createMemoryLogger();
  const probe = probeSurface((app) => {
    app.get('/probe/boom', () => {
      throw new Error('secret internals at /srv/app.ts:42');
    });
  });
  let server: RunningServer;
  const get = (path: string, init?: RequestInit) => fetch(server.url + path, init);
  const postJson = (body: string, contentType = 'application/json') =>
    get('/api/ask', { method: 'POST', headers: { 'content-type': contentType }, body });

  beforeAll(async () => {
    const deps = { engine, log, listen: { host: HOST, port: 0 } };
    server = await startServer({ engine, log, knowledgeVersion: knowledge.matrix.version, surfaces: [webSurface(deps), probe], host: HOST, port: 0 });
  });
  afterAll(() => server.close());

  it('listens on an ephemeral loopback port and started the surfaces after mounting them', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(probe.calls).toEqual(['mount', 'start']);
  });

  describe('GET /healthz', () => {
    it('is 200 with the knowledge version and the rules per mode', async () => {
      const response = await get('/healthz');
      expect(response.status).toBe(200);
      const body = await response.json();
      const expected = Object.fromEntries(engine.catalog.modes.map((mode) => [mode.id, engine.browse({ modes: [mode.id] }).rules.length]));
      expect(body).toEqual({ status: 'ok', knowledge: { version: knowledge.matrix.version, rules: expected } });
      expect(Object.values(expected).every((count) => count > 0)).toBe(true);
    });
  });

  describe('GET and POST /api/ask', () => {
    const question = 'what uses port 8009?';

    it('GET answers with the contract answer, the same as the engine', async () => {
      const response = await get(`/api/ask?q=${encodeURIComponent(question)}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const answer = answerSchema.parse(await response.json());
      expect(answer).toEqual(engine.ask(question));
      expect(answer.status).toBe('answered');
      expect(answer.rules.length).toBeGreaterThan(0);
      expect(answer.rules.every((rule) => rule.ports.split(',').includes('8009'))).toBe(true);
    });

    it('POST {"q"} answers the same', async () => {
      const response = await postJson(JSON.stringify({ q: question }));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(engine.ask(question));
    });

    it('accepts JSON with a charset and a question of exactly 4,000 characters', async () => {
      const response = await postJson(JSON.stringify({ q: `port 443 ${'x'.repeat(3991)}` }), 'application/json; charset=utf-8');
      expect(response.status).toBe(200);
    });

    it('adds the reading\'s trace with explain, and leaves it out by default', async () => {
      const asked = 'is 8009 needed in non-BOI?';
      const plain = answerSchema.parse(await (await get(`/api/ask?q=${encodeURIComponent(asked)}`)).json());
      expect(plain.trace).toBeUndefined();
      const viaGet = answerSchema.parse(await (await get(`/api/ask?q=${encodeURIComponent(asked)}&explain=1`)).json());
      const viaPost = answerSchema.parse(await (await postJson(JSON.stringify({ q: asked, explain: true }))).json());
      expect(viaGet).toEqual(engine.ask(asked, { explain: true }));
      expect(viaPost).toEqual(viaGet);
      // The trace names the refiner and the words: the port and the yes/no frame of this question.
      expect(viaGet.trace).toEqual(expect.arrayContaining([expect.objectContaining({ refiner: 'port numbers', words: ['8009'] }), expect.objectContaining({ refiner: 'yes/no' })]));
    });

    it('answers an incomplete question as a normal clarify, with suggestions', async () => {
      const response = await get('/api/ask?q=which%20ports%3F');
      expect(response.status).toBe(200);
      const answer = answerSchema.parse(await response.json());
      expect(answer.status).toBe('clarify');
      expect(answer.suggestions?.length).toBeGreaterThan(0);
    });
  });

  describe('Bad requests get a 4xx JSON error, never a 500', () => {
    const tooLong = 'x'.repeat(4001);
    const cases: [string, () => Promise<Response>, number, string][] = [
      ['GET without q', () => get('/api/ask'), 400, 'missing_question'],
      ['GET with an empty q', () => get('/api/ask?q='), 400, 'empty_question'],
      ['GET with a blank q', () => get('/api/ask?q=%20%20'), 400, 'empty_question'],
      ['GET with only a mention', () => get(`/api/ask?q=${encodeURIComponent('<@U123ABC>')}`), 400, 'empty_question'],
      ['GET with q twice', () => get('/api/ask?q=a&q=b'), 400, 'bad_question'],
      ['GET with q over 4,000 characters', () => get(`/api/ask?q=${tooLong}`), 400, 'question_too_long'],
      ['POST without q', () => postJson('{}'), 400, 'missing_question'],
      ['POST with an empty body', () => postJson(''), 400, 'missing_question'],
      ['POST with only mentions', () => postJson(JSON.stringify({ q: '<@U123> <!here>' })), 400, 'empty_question'],
      ['POST with q not a string', () => postJson('{"q": 5}'), 400, 'bad_question'],
      ['GET with explain neither true nor false', () => get('/api/ask?q=port%20443&explain=maybe'), 400, 'bad_explain'],
      ['POST with explain not a boolean', () => postJson('{"q": "port 443", "explain": "yes"}'), 400, 'bad_explain'],
      ['POST with an array body', () => postJson('["what uses 443?"]'), 400, 'missing_question'],
      ['POST with a JSON string body', () => postJson('"what uses 443?"'), 400, 'malformed_json'],
      ['POST with q over 4,000 characters', () => postJson(JSON.stringify({ q: tooLong })), 400, 'question_too_long'],
      ['POST with malformed JSON', () => postJson('{"q": "what uses 443?"'), 400, 'malformed_json'],
      ['POST with a form body', () => postJson('q=hello', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type'],
      ['POST with plain text', () => postJson('what uses 443?', 'text/plain'), 415, 'unsupported_media_type'],
      ['POST with no content type', () => get('/api/ask', { method: 'POST', body: new Uint8Array([123, 125]) }), 415, 'unsupported_media_type'],
      ['POST with a non-UTF-8 charset', () => postJson('{"q":"x"}', 'application/json; charset=latin1'), 415, 'unsupported_charset'],
      ['POST with a body over the limit', () => postJson(JSON.stringify({ q: 'x'.repeat(100_000) })), 413, 'body_too_large'],
      ['PUT /api/ask', () => get('/api/ask', { method: 'PUT' }), 405, 'method_not_allowed'],
      ['an unknown route', () => get('/api/nothing-here'), 404, 'not_found'],
      ['a malformed escape in the path', () => get('/api/%E0%A4%A'), 404, 'not_found'],
      ['browse with an unknown mode', () => get('/api/browse?mode=sometimes-boi'), 400, 'bad_mode'],
      ['browse with an unknown component', () => get('/api/browse?component=mail-server'), 400, 'bad_component'],
      ['browse with an unknown format', () => get('/api/browse?format=xml'), 400, 'bad_format'],
      ['table with an empty question', () => get('/api/table?q='), 400, 'empty_question'],
    ];

    it.each(cases)('%s', async (_name, send, status, code) => {
      const response = await send();
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await response.json();
      expect(body).toEqual({ error: code, message: expect.any(String) });
    });
  });

  describe('A fault of ours', () => {
    it('is a 500 JSON error without the stack, and the stack goes to the log', async () => {
      const response = await get('/probe/boom');
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ error: 'internal', message: expect.any(String) });
      expect(text).not.toMatch(/secret|srv|\.ts/);
      expect(log.lines.some((line) => line.includes('request_failed') && line.includes('secret internals'))).toBe(true);
    });
  });

  describe('The web page and its routes', () => {
    it('GET / is the page, with a policy that runs only its own script', async () => {
      const response = await get('/');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      const html = await response.text();
      expect(html).toContain('<script src="/app.js" defer></script>');
      expect(html).not.toMatch(/https?:\/\//);
    });

    it.each([
      ['/app.js', /javascript/],
      ['/style.css', /text\/css/],
      ['/favicon.svg', /image\/svg\+xml/],
    ])('serves %s', async (path, type) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(type);
    });

    it('GET /api/catalog lists the modes, components and example questions', async () => {
      const response = await get('/api/catalog');
      expect(await response.json()).toEqual(engine.catalog);
      expect(engine.catalog.examples.length).toBeGreaterThan(0);
    });

    it('GET /api/table?q= is the answer as tables grouped by mode', async () => {
      const question = 'what ports does the Edge Server need in occasional BOI?';
      const view = await (await get(`/api/table?q=${encodeURIComponent(question)}`)).json();
      expect(view.answer).toEqual(engine.ask(question));
      expect(view.columns).toEqual(['Service', 'Ports', 'Protocol', 'Source', 'Destination', 'Notes']);
      expect(view.tables.map((table: { mode: string }) => table.mode)).toEqual(['occasional-boi']);
      expect(view.tables[0].rows).toHaveLength(view.answer.rules.length);
    });

    it('GET /api/table?mode=&component= is a slice of the matrix', async () => {
      const view = await (await get('/api/table?mode=non-boi&component=sql-server')).json();
      expect(view.answer).toEqual(engine.browse({ modes: ['non-boi'], component: 'sql-server' }));
      const cells: string[][] = view.tables[0].rows.map((row: { cells: string[] }) => row.cells);
      expect(cells.every((row) => row[3] === 'SQL Server' || row[4] === 'SQL Server')).toBe(true);
    });

    it.each([
      ['markdown', /^text\/markdown/, renderMarkdown],
      ['csv', /^text\/csv/, renderCsv],
    ])('GET /api/browse?format=%s is the server-side rendering', async (format, type, render) => {
      const response = await get(`/api/browse?mode=exclusive-boi&component=edge-server&format=${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(type);
      expect(await response.text()).toBe(render(engine.browse({ modes: ['exclusive-boi'], component: 'edge-server' })));
    });

    it('GET /api/browse with no filter is every rule of every mode, as JSON', async () => {
      const answer = answerSchema.parse(await (await get('/api/browse')).json());
      expect(answer).toEqual(engine.browse({}));
      expect(new Set(answer.rules.map((rule) => rule.mode))).toEqual(new Set(engine.catalog.modes.map((mode) => mode.id)));
    });
  });
});

describe('The printed base URL', () => {
  it.each([
    ['127.0.0.1', 'http://127.0.0.1:3978'],
    ['0.0.0.0', 'http://localhost:3978'],
    ['::', 'http://localhost:3978'],
    ['::1', 'http://[::1]:3978'],
  ])('for an address %s is %s', (address, url) => {
    expect(urlOf({ address, port: 3978, family: address.includes(':') ? 'IPv6' : 'IPv4' })).toBe(url);
  });

  it('works on all interfaces', async () => {
    const log = createMemoryLogger();
    const server = await startServer({ engine, log, knowledgeVersion: 'v', surfaces: [], host: '0.0.0.0', port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/localhost:\d+$/);
      expect((await fetch(`${server.url.replace('localhost', '127.0.0.1')}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('Readiness', () => {
  const log = createMemoryLogger();

  it.each<Readiness>(['starting', 'stopping'])('/healthz is 503 while %s', async (state) => {
    const app = createApp({ engine, log, knowledgeVersion: 'v', surfaces: [] }, () => state);
    const http = await listen(app, HOST, 0, 1000);
    try {
      const response = await fetch(`${http.url}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: state });
    } finally {
      await http.close();
    }
  });

  it('a surface that fails to start stops start-up, and the others are stopped', async () => {
    const failing: Surface = { ...probeSurface(), start: () => Promise.reject(new Error('cannot connect')) };
    const other = probeSurface();
    await expect(startServer({ engine, log, knowledgeVersion: 'v', surfaces: [other, failing], host: HOST, port: 0 })).rejects.toThrow('cannot connect');
    expect(other.calls).toEqual(['mount', 'start', 'stop']);
  });
});

describe('Shutting down', () => {
  const log = createMemoryLogger();

  it('finishes a request in flight, refuses new ones, and stops the surfaces', async () => {
    const probe = probeSurface((app) => {
      app.get('/probe/slow', async (_req, res) => {
        await sleep(300);
        res.json({ done: true });
      });
    });
    const server = await startServer({ engine, log, knowledgeVersion: 'v', surfaces: [probe], host: HOST, port: 0, drainMs: 5000 });
    const inFlight = fetch(`${server.url}/probe/slow`);
    await sleep(50);
    const started = Date.now();
    const closed = server.close();
    expect(server.close()).toBe(closed);
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await closed;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(probe.calls).toEqual(['mount', 'start', 'stop']);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('does not wait for idle keep-alive connections', async () => {
    const server = await startServer({ engine, log, knowledgeVersion: 'v', surfaces: [], host: HOST, port: 0, drainMs: 10_000 });
    // fetch keeps the connection open for reuse after this response.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('cuts a request that outlives the drain time', async () => {
    const probe = probeSurface((app) => {
      app.get('/probe/hang', () => {});
    });
    const server = await startServer({ engine, log, knowledgeVersion: 'v', surfaces: [probe], host: HOST, port: 0, drainMs: 200 });
    const hanging = fetch(`${server.url}/probe/hang`);
    await sleep(50);
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1500);
    await expect(hanging).rejects.toThrow();
  });
});
