import type { Express } from 'express';
import type { Engine } from '../src';
import type { Logger } from './logger';
import type { SharedState } from './state/shared-state';

/** What every surface gets from the server: the one engine and the one logger. */
export interface SurfaceDeps {
  engine: Engine;
  log: Logger;
  /** Where the server listens, known before any surface is mounted. */
  listen: { host: string; port: number };
  /** Conversations, ids already answered and rate limits: in Redis when REDIS_URL is set; in this process when absent. */
  state?: SharedState;
}

/**
 * One chat or web surface mounted on the shared HTTP server.
 * A surface turns its platform's message into a question and the engine's answer into its
 * platform's message; it holds no query logic.
 */
export interface Surface {
  /** "Slack (HTTP mode)", "Teams", "web page". */
  readonly name: string;
  /** Adds the surface's routes; called once, before the server listens. */
  mount(app: Express): void;
  /** Connects outward (e.g. Slack Socket Mode) once the server listens. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
  /** One start-up line: where the surface is reachable. */
  describe(baseUrl: string): string;
}

/** A surface that is switched off, and the variables that switch it on. */
export interface SurfaceOff {
  readonly name: string;
  readonly enableWith: string;
}
