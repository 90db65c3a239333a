import { z } from 'zod';
import { ConfigError } from './config-error';

// An empty variable (`PORT=` in .env) means "not set", not an empty value.
const unsetIfBlank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A variable that may be unset (or blank); when set, it must satisfy the schema. */
export const optionalVariable = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfBlank, schema.optional());

/** A variable with a default when unset (or blank). */
export const variableWithDefault = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfBlank, schema);

/**
 * Variables parsed with a schema, once, at start-up. What is wrong is reported by name in one
 * ConfigError, never with its value: it may be a secret.
 */
export function parseVariables<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv, what: string): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid ${what}: ${problems.join('; ')}`);
  }
  return parsed.data;
}
