import { join } from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import { renderCsv, renderMarkdown, type Engine } from '../../src';
import { converseIn, createMemoryStore, type ConversationStore } from '../conversation-store';
import { answerOf, questionFrom } from '../http/question';
import { metrics } from '../metrics';
import type { Surface, SurfaceDeps } from '../surface';
import { browseQueryFrom } from './browse-query';
import { conversationOf } from './conversation-id';
import { diagramRouter } from './diagram-route';
import { tableView } from './table-view';

const PUBLIC_DIR = join(__dirname, 'public');

// The page loads only its own files and talks only to this server: injected markup cannot run.
const pageHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'Content-Security-Policy':
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  next();
};


/** The routes the page calls: examples and names, answers as tables, and the matrix browser. */
export function webRouter(engine: Engine, store: ConversationStore = createMemoryStore()): Router {
  const router = Router();
  router.get('/api/catalog', (_req, res) => {
    res.json(engine.catalog);
  });
  // A question (?q=) or a slice of the matrix (?mode=&component=), as tables grouped by mode.
  router.get('/api/table', async (req, res) => {
    if (req.query.q !== undefined) {
      const startedAt = performance.now();
      // With the tab's conversation id, a follow-up ("and in occasional?") keeps the page's context.
      const conversation = conversationOf(req.query.conversation);
      const question = questionFrom(req.query.q);
      const conversed = conversation ? await converseIn(engine, store, conversation, question) : undefined;
      const answer = answerOf(engine, question, conversed && (() => conversed));
      metrics.answered('web', answer, (performance.now() - startedAt) / 1000);
      res.json(tableView(answer));
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
  router.use(pageHeaders, express.static(PUBLIC_DIR, { index: 'index.html', fallthrough: true, maxAge: 0 }));
  return router;
}

/** The local web page: always on, it needs no configuration. */
export function webSurface(deps: SurfaceDeps): Surface {
  return {
    name: 'web page',
    mount: (app) => {
      // The diagrams read a follow-up in the page's conversation: they share its store.
      const store = deps.state?.conversations ?? createMemoryStore();
      app.use(diagramRouter(deps.engine, deps.log, store));
      app.use(webRouter(deps.engine, store));
    },
    describe: (baseUrl) => `web page: ${baseUrl}/`,
  };
}
