import { Router, type RequestHandler } from 'express';
import type { Metrics } from '../metrics';

/** Counts every response whose status is a refusal worth watching, whichever route (or Bolt) sent it. */
export function countResponses(metrics: Metrics): RequestHandler {
  return (_req, res, next) => {
    res.on('finish', () => metrics.responded(res.statusCode));
    next();
  };
}

/** GET /metrics in Prometheus's text format; mounted only with METRICS=true, and meant for the private interface. */
export function metricsRouter(metrics: Metrics): Router {
  metrics.collectDefaults();
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    res.set('Cache-Control', 'no-store').type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
