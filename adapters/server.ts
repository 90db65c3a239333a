import express, { type Express } from 'express';
import type { Engine } from '../src';
import { askRouter } from './http/ask-route';
import { refuseOversizedBodies } from './http/body-limit';
import { healthRouter, knowledgeSummary, type Readiness } from './http/health-route';
import { errorHandler, notFound } from './http/http-error';
import { DEFAULT_TIMEOUTS, listen, type HttpTimeouts } from './http/listen';
import { countResponses, metricsRouter } from './http/metrics-route';
import { requestId } from './http/request-id';
import { createQuestionLimiter, limitQuestions, type QuestionLimit } from './http/question-rate-limit';
import { securityHeaders } from './http/security-headers';
import type { Logger } from './logger';
import { metrics } from './metrics';
import { memoryState, type SharedState } from './state/shared-state';
import type { Surface } from './surface';

export interface ServerOptions {
  engine: Engine;
  log: Logger;
  /** The knowledge file's version, reported by /healthz. */
  knowledgeVersion: string;
  /** The surfaces that are on, mounted in this order after the server's own routes. */
  surfaces: Surface[];
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** How long close() lets requests in flight finish before cutting connections. */
  drainMs?: number;
  /** Slow-client limits; the defaults (10 s for the headers, 15 s for the whole request) suit production. */
  timeouts?: Partial<HttpTimeouts>;
  /** The state the surfaces share (Redis or memory): its health goes into /healthz, and close() closes it. */
  state?: SharedState;
  /** GET /metrics (METRICS=true). */
  metrics?: boolean;
  /** Questions a client address may ask the API (default: 60 a minute). */
  questionLimit?: QuestionLimit;
}

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:3978. */
  url: string;
  /** Reports 503, stops accepting, finishes requests in flight, stops the surfaces. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * The one Express app: /healthz, /metrics (when on), /api/ask, then every surface, then JSON 404 and errors.
 * There is no global body parser: each route parses its own body (Bolt needs the raw one); the
 * server only refuses, unread, a body announced over the largest any route takes.
 */
export function createApp(
  options: Pick<ServerOptions, 'engine' | 'log' | 'knowledgeVersion' | 'surfaces' | 'state' | 'metrics' | 'questionLimit'>,
  readiness: () => Readiness,
): Express {
  const app = express();
  app.disable('x-powered-by');
  const state = options.state ?? memoryState();
  metrics.watchState(state.health);
  app.use(requestId, countResponses(metrics));
  // Before anything that answers, errors and refusals included.
  app.use(securityHeaders());
  // Before any route reads a body, so that none starts reading one the server will refuse anyway.
  app.use(refuseOversizedBodies());
  app.use(healthRouter(knowledgeSummary(options.engine, options.knowledgeVersion), readiness, state.health));
  if (options.metrics) app.use(metricsRouter(metrics));
  // Per process, in memory: a stateless API question never waits on Redis (README, "Running more than one instance").
  app.use(limitQuestions(createQuestionLimiter(options.questionLimit), options.log));
  app.use(askRouter(options.engine, options.log));
  for (const surface of options.surfaces) surface.mount(app);
  app.use(notFound);
  app.use(errorHandler(options.log));
  return app;
}

/** Starts the server; resolves once it listens and every surface has started. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  let readiness: Readiness = 'starting';
  const app = createApp(options, () => readiness);
  const http = await listen(app, options.host, options.port, options.drainMs ?? 3000, { ...DEFAULT_TIMEOUTS, ...options.timeouts });
  const stopSurfaces = () => Promise.allSettled(options.surfaces.map((surface) => surface.stop?.()));
  let closing: Promise<void> | undefined;
  const close = () => {
    readiness = 'stopping';
    // Redis closes last: requests still in flight may need it.
    closing ??= Promise.all([http.close(), stopSurfaces()]).then(() => options.state?.close());
    return closing;
  };
  try {
    // Socket Mode and the like connect outward only once the server can answer.
    await Promise.all(options.surfaces.map((surface) => surface.start?.()));
  } catch (error) {
    await close();
    throw error;
  }
  readiness = 'ready';
  options.log.info('server_listening', { url: http.url });
  return { url: http.url, close };
}
