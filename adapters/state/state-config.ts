import { z } from 'zod';
import { optionalVariable as optional, parseVariables, variableWithDefault } from '../env-variables';

const stateEnvSchema = z.object({
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })),
  // Keys are `${prefix}${kind}:${id}`: a prefix keeps several bots (or environments) apart on one Redis.
  REDIS_PREFIX: variableWithDefault(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'must be 1 to 64 letters, digits or : _ . -')
      .default('dlo-ports:'),
  ),
});

export interface StateConfig {
  /** Unset: every kind of state stays in this process, as with a single instance. */
  redisUrl?: string;
  prefix: string;
}

/** REDIS_URL and REDIS_PREFIX, validated once; a bad value stops start-up with its name. */
export function stateConfig(env: NodeJS.ProcessEnv): StateConfig {
  const { REDIS_URL: redisUrl, REDIS_PREFIX: prefix } = parseVariables(stateEnvSchema, env, 'shared state configuration');
  return { redisUrl, prefix };
}
