import { Router } from 'express';
import type { Engine } from '../../src';
import type { StateHealth } from '../state/redis-link';

export type Readiness = 'starting' | 'ready' | 'stopping';

export interface KnowledgeSummary {
  version: string;
  /** Rules per mode id, so a deployment can see it loaded the matrix it expected. */
  rules: Record<string, number>;
}

/** What /healthz reports about the loaded knowledge, counted through the engine's own browser. */
export function knowledgeSummary(engine: Engine, version: string): KnowledgeSummary {
  const rules = Object.fromEntries(engine.catalog.modes.map((mode) => [mode.id, engine.browse({ modes: [mode.id] }).rules.length]));
  return { version, rules };
}

/**
 * GET /healthz: 200 when ready, 503 while starting or stopping, so a load balancer drains us first.
 * With Redis down it stays 200 (the instance answers, with per-process state) and says `degraded`
 * and why, for whoever watches it.
 */
export function healthRouter(summary: KnowledgeSummary, readiness: () => Readiness, stateHealth: () => StateHealth = () => ({ status: 'memory' })): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    const state = readiness();
    res.set('Cache-Control', 'no-store');
    if (state !== 'ready') {
      res.status(503).json({ status: state });
      return;
    }
    const shared = stateHealth();
    if (shared.status === 'degraded') res.json({ status: 'degraded', reason: shared.reason, state: 'per-process', knowledge: summary });
    else if (shared.status === 'shared') res.json({ status: 'ok', state: 'shared', knowledge: summary });
    else res.json({ status: 'ok', knowledge: summary });
  });
  return router;
}
