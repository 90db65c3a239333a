import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { parseVariables, variableWithDefault } from './env-variables';
import { QUESTION_LIMIT } from './http/question-rate-limit';
import { LOG_LEVELS, type LogOptions } from './logger';

const wholeNumber = () => z.string().regex(/^\d+$/, 'must be a whole number').transform(Number);

const serverEnvSchema = z.object({
  PORT: variableWithDefault(wholeNumber().pipe(z.number().max(65535, 'must be at most 65535')).default(3978)),
  HOST: variableWithDefault(z.string().trim().min(1).default('127.0.0.1')),
});

export type ServerConfig = { host: string; port: number };

const trueOrFalse = () => variableWithDefault(z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'));

const logEnvSchema = z.object({
  LOG_QUESTIONS: trueOrFalse(),
  LOG_LEVEL: variableWithDefault(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info')),
});

/** LOG_QUESTIONS and LOG_LEVEL, validated once: whether log lines may carry what users typed, and how much is written. */
export function logConfig(env: NodeJS.ProcessEnv): Required<LogOptions> {
  const variables = parseVariables(logEnvSchema, env, 'log configuration');
  return { questions: variables.LOG_QUESTIONS === 'true', level: variables.LOG_LEVEL };
}

/**
 * API_QUESTIONS_PER_MINUTE: what one client address may ask the API a minute (default QUESTION_LIMIT's 60). Behind a
 * reverse proxy every client shares the proxy's address: raise it there and limit per client in the proxy.
 */
export function apiQuestionsPerMinute(env: NodeJS.ProcessEnv): number {
  const schema = z.object({ API_QUESTIONS_PER_MINUTE: variableWithDefault(wholeNumber().pipe(z.number().min(1, 'must be at least 1')).default(QUESTION_LIMIT.points)) });
  return parseVariables(schema, env, 'API configuration').API_QUESTIONS_PER_MINUTE;
}

/** METRICS=true serves GET /metrics (Prometheus); off by default. */
export function metricsOn(env: NodeJS.ProcessEnv): boolean {
  return parseVariables(z.object({ METRICS: trueOrFalse() }), env, 'metrics configuration').METRICS === 'true';
}

/** PORT and HOST from the environment, validated once; a bad value stops start-up with its name. */
export function serverConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const { HOST: host, PORT: port } = parseVariables(serverEnvSchema, env, 'server configuration');
  return { host, port };
}

/**
 * Loads `.env` into the environment when the file exists, with Node's own parser (the one behind
 * process.loadEnvFile, which cannot write to any object but process.env). Variables already set
 * win, as with loadEnvFile, so a deployment can override the file.
 */
export function loadDotEnv(env: NodeJS.ProcessEnv = process.env, path = '.env'): boolean {
  if (!existsSync(path)) return false;
  for (const [name, value] of Object.entries(parseEnv(readFileSync(path, 'utf8')))) {
    if (env[name] === undefined) env[name] = value;
  }
  return true;
}
