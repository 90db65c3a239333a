import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { ConfigError } from './config-error';

// An empty variable (`PORT=` in .env) means "not set", not zero.
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const serverEnvSchema = z.object({
  PORT: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().max(65535, 'must be at most 65535'))
      .default(3978),
  ),
  HOST: z.preprocess(unsetIfEmpty, z.string().trim().min(1).default('127.0.0.1')),
});

export type ServerConfig = { host: string; port: number };

/** PORT and HOST from the environment, validated once; a bad value stops start-up with its name. */
export function serverConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = serverEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid server configuration: ${problems.join('; ')}`);
  }
  return { host: parsed.data.HOST, port: parsed.data.PORT };
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
