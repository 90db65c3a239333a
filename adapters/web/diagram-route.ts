import { Router, type Request, type Response } from 'express';
import type { Answer, DiagramFormat, Engine } from '../../src';
import { logAnswer } from '../answer-log';
import type { ConversationStore } from '../conversation-store';
import { diagramsFor } from '../diagrams';
import { HttpError } from '../http/http-error';
import { readerFor } from '../read-aside';
import { answerOf } from '../http/question';
import type { Logger } from '../logger';
import { browseQueryFrom, browseSlice } from './browse-query';
import { conversationOf } from './conversation-id';

const CONTENT_TYPES: Record<DiagramFormat, string> = { svg: 'image/svg+xml; charset=utf-8', png: 'image/png' };

/**
 * The answer to draw: a question (?q=, read as /api/ask reads it), or a slice of the matrix
 * (?mode=&component=&direction=, as /api/browse). With the page's conversation id, a follow-up is read in the
 * context the page's table left, without changing it: the same fragment read twice names the same rules.
 */
async function answerFor(engine: Engine, store: ConversationStore, req: Request): Promise<Answer> {
  const { q } = req.query;
  if (q === undefined && (req.query.mode !== undefined || req.query.component !== undefined)) {
    return browseSlice(engine, browseQueryFrom(engine.catalog, { mode: req.query.mode, component: req.query.component, direction: req.query.direction }));
  }
  const conversation = conversationOf(req.query.conversation);
  if (!conversation) return answerOf(engine, q);
  const context = await store.get(conversation);
  return answerOf(engine, q, async (question) => (await readerFor(engine).converse(question, context)).answer);
}

/**
 * GET /api/diagram.svg and /api/diagram.png: the answer's flow diagram. The same errors as
 * /api/ask, and 404 in the same JSON shape when the answer has no rules to draw.
 */
export function diagramRouter(engine: Engine, log: Logger, store: ConversationStore): Router {
  const router = Router();
  const draw = (format: DiagramFormat) => async (req: Request, res: Response) => {
    const startedAt = performance.now();
    const answer = await answerFor(engine, store, req);
    if (answer.question) logAnswer(log, { surface: 'api', ids: {}, answer, startedAt });
    const diagrams = await diagramsFor(engine);
    const drawn = format === 'svg' ? diagrams.svg(answer) : await diagrams.png(answer);
    if (drawn === undefined) throw new HttpError(404, 'no_rules', `No diagram: the answer has no rules. ${answer.summary}`);
    res.set({
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': `inline; filename="flow-diagram.${format}"`,
      // Opened on its own, the SVG may run nothing and load nothing.
      'Content-Security-Policy': "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
    });
    res.send(drawn);
  };
  router.get('/api/diagram.svg', draw('svg'));
  router.get('/api/diagram.png', draw('png'));
  return router;
}
