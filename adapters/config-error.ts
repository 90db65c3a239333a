/** A configuration problem found at start-up: the message names what is missing or wrong. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
