import { PNG } from 'pngjs';
import { answerSchema, createEngine, loadDefaultKnowledge, type Answer } from '../../../src';
import { startServer, type RunningServer } from '../../../adapters/server';
import { createMemoryLogger } from '../../../adapters/logger';
import { webSurface } from '../../../adapters/web/web-surface';
import { arrowsOf, expectedArrows, sorted } from '../../render/diagram/svg-arrows';

const knowledge = loadDefaultKnowledge();
const engine = createEngine(knowledge);

describe('GET /api/diagram.svg and /api/diagram.png, over real HTTP', () => {
  const log = createMemoryLogger();
  let server: RunningServer;
  const get = (path: string) => fetch(server.url + path);
  const json = async (path: string) => (await get(path)).json();
  const q = (question: string) => `q=${encodeURIComponent(question)}`;

  beforeAll(async () => {
    const deps = { engine, log, listen: { host: '127.0.0.1', port: 0 } };
    server = await startServer({ engine, log, knowledgeVersion: knowledge.matrix.version, surfaces: [webSurface(deps)], host: '127.0.0.1', port: 0 });
  });
  afterAll(() => server.close());

  it('draws the SVG of the answer /api/ask gives for the same question', async () => {
    const question = 'what changes from non-BOI to occasional BOI?';
    const res = await get(`/api/diagram.svg?${q(question)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const answer = answerSchema.parse(await json(`/api/ask?${q(question)}`));
    expect(sorted(arrowsOf(await res.text()))).toEqual(sorted(expectedArrows(answer)));
  });

  it('draws the PNG of the same answer', async () => {
    const res = await get(`/api/diagram.png?${q('what uses port 8009?')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const image = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    expect(image.width).toBeGreaterThan(300);
  });

  it('draws a slice of the matrix as the browser selects it (?mode=&component=)', async () => {
    const svg = await (await get('/api/diagram.svg?mode=exclusive-boi&component=sql-server')).text();
    const answer = (await json('/api/browse?mode=exclusive-boi&component=sql-server')) as Answer;
    expect(answer.rules.length).toBeGreaterThan(5);
    expect(sorted(arrowsOf(svg))).toEqual(sorted(expectedArrows(answer)));
  });

  it("reads a page's follow-up in its conversation, as its table did, the same every time it is drawn", async () => {
    const conversation = 'diagram-test-1';
    await get(`/api/table?${q('what does the edge server need in exclusive BOI?')}&conversation=${conversation}`);
    const table = await json(`/api/table?${q('and in occasional?')}&conversation=${conversation}`);
    for (let i = 0; i < 2; i++) {
      const svg = await (await get(`/api/diagram.svg?${q('and in occasional?')}&conversation=${conversation}`)).text();
      expect(sorted(arrowsOf(svg))).toEqual(sorted(expectedArrows(table.answer)));
    }
    expect(table.answer.rules.every((r: { mode: string }) => r.mode === 'occasional-boi')).toBe(true);
  });

  it.each<[string, string, number, string]>([
    ['an answer without rules', `/api/diagram.svg?${q('what port does Exchange use?')}`, 404, 'no_rules'],
    ['a question that asks back', `/api/diagram.png?${q('which ports?')}`, 404, 'no_rules'],
    ['no question', '/api/diagram.svg', 400, 'missing_question'],
    ['two questions', '/api/diagram.svg?q=a&q=b', 400, 'bad_question'],
    ['a question over the limit', `/api/diagram.png?q=${'port 443 '.repeat(500)}`, 400, 'question_too_long'],
    ['an empty question', '/api/diagram.svg?q=%20', 400, 'empty_question'],
    ['an unknown mode', '/api/diagram.svg?mode=cloud', 400, 'bad_mode'],
  ])('answers %s as /api/ask would, in the JSON error shape', async (_, path, status, error) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ error });
  });
});
