import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import { exportAnswer, renderCsv, renderMarkdown, type Answer, type Engine } from '../../src';
import { conversedIn, createMemoryStore, type ConversationStore } from '../conversation-store';
import { answerOf, questionFrom } from '../http/question';
import { metrics } from '../metrics';
import type { Surface, SurfaceDeps } from '../surface';
import { browseQueryFrom, browseSlice } from './browse-query';
import { conversationOf } from './conversation-id';
import { diagramRouter } from './diagram-route';
import { tableView } from './table-view';

// From the bundle (dist/server.js), the project's own copy, never a stale one; under tsx, beside this file.
const FROM_BUNDLE = join(__dirname, '../adapters/web/public');
const PUBLIC_DIR = existsSync(FROM_BUNDLE) ? FROM_BUNDLE : join(__dirname, 'public');

// The page's copy and download buttons: the same files as `npm run export` writes for these rules (placeholders: no inventory).
const DOWNLOADS = [
  { format: 'markdown', label: 'Markdown' },
  { format: 'csv', label: 'CSV' },
  { format: 'powershell', label: 'PowerShell' },
] as const;

function downloadsOf(engine: Engine, answer: Answer) {
  if (answer.rules.length === 0) return [];
  return DOWNLOADS.map(({ format, label }) => ({ format, label, ...exportAnswer(answer, engine.catalog, { format }) }));
}

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
      const conversed = conversation ? await conversedIn(engine, store, conversation, question) : undefined;
      const answer = await answerOf(engine, question, conversed && (async () => conversed.answer));
      metrics.answered('web', answer, (performance.now() - startedAt) / 1000);
      const tookFromPrevious = conversed?.tookFromPrevious ?? false;
      res.json({ ...tableView(answer), tookFromPrevious, downloads: downloadsOf(engine, answer) });
      return;
    }
    const query = browseQueryFrom(engine.catalog, req.query);
    res.json(tableView(browseSlice(engine, query)));
  });
  router.get('/api/browse', (req, res) => {
    const query = browseQueryFrom(engine.catalog, req.query);
    const { format } = query;
    const answer = browseSlice(engine, query);
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
    mount: (app) => {
      // The diagrams read a follow-up in the page's conversation: they share its store.
      const store = deps.state?.conversations ?? createMemoryStore();
      app.use(diagramRouter(deps.engine, deps.log, store));
      app.use(webRouter(deps.engine, store));
    },
    describe: (baseUrl) => `web page: ${baseUrl}/`,
  };
}
