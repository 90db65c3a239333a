import { join } from 'node:path';
import express, { Router } from 'express';
import { renderCsv, renderMarkdown, type Engine } from '../../src';
import { converseIn, createMemoryStore, type ConversationStore } from '../conversation-store';
import { answerOf } from '../http/question';
import type { Surface, SurfaceDeps } from '../surface';
import { browseQueryFrom } from './browse-query';
import { tableView } from './table-view';

const PUBLIC_DIR = join(__dirname, 'public');

/** A page's conversation id, made by the page per browser tab; anything else means no conversation. */
const conversationOf = (value: unknown) => (typeof value === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(value) ? `web:${value}` : undefined);

/** The routes the page calls: examples and names, answers as tables, and the matrix browser. */
export function webRouter(engine: Engine, store: ConversationStore = createMemoryStore()): Router {
  const router = Router();
  router.get('/api/catalog', (_req, res) => {
    res.json(engine.catalog);
  });
  // A question (?q=) or a slice of the matrix (?mode=&component=), as tables grouped by mode.
  router.get('/api/table', (req, res) => {
    if (req.query.q !== undefined) {
      // With the tab's conversation id, a follow-up ("and in occasional?") keeps the page's context.
      const conversation = conversationOf(req.query.conversation);
      const ask = conversation ? (question: string) => converseIn(engine, store, conversation, question) : undefined;
      res.json(tableView(answerOf(engine, req.query.q, ask)));
      return;
    }
    const { mode, component } = browseQueryFrom(engine.catalog, req.query);
    res.json(tableView(engine.browse({ modes: mode ? [mode] : undefined, component })));
  });
  router.get('/api/browse', (req, res) => {
    const { mode, component, format } = browseQueryFrom(engine.catalog, req.query);
    const answer = engine.browse({ modes: mode ? [mode] : undefined, component });
    if (format === 'markdown') res.type('text/markdown; charset=utf-8').send(renderMarkdown(answer));
    else if (format === 'csv') res.type('text/csv; charset=utf-8').send(renderCsv(answer));
    else res.json(answer);
  });
  // The page's Content-Security-Policy and other headers are the server's own, on every response.
  router.use(express.static(PUBLIC_DIR, { index: 'index.html', fallthrough: true, maxAge: 0 }));
  return router;
}

/** The local web page: always on, it needs no configuration. */
export function webSurface(deps: SurfaceDeps): Surface {
  return {
    name: 'web page',
    mount: (app) => app.use(webRouter(deps.engine)),
    describe: (baseUrl) => `web page: ${baseUrl}/`,
  };
}
