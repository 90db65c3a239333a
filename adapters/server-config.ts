import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { parseVariables, variableWithDefault } from './env-variables';

const serverEnvSchema = z.object({
  PORT: variableWithDefault(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().max(65535, 'must be at most 65535'))
      .default(3978),
  ),
  HOST: variableWithDefault(z.string().trim().min(1).default('127.0.0.1')),
});

export type ServerConfig = { host: string; port: number };

const logEnvSchema = z.object({
  LOG_QUESTIONS: variableWithDefault(z.enum(['true', 'false'], { error: 'must be true or false' }).default('false')),
});

/** LOG_QUESTIONS, validated once: whether log lines may carry what users typed. */
export function logConfig(env: NodeJS.ProcessEnv): { questions: boolean } {
  return { questions: parseVariables(logEnvSchema, env, 'log configuration').LOG_QUESTIONS === 'true' };
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
