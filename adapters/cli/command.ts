import { parseArgs, type ParseArgsConfig } from 'node:util';
import { FileError, loadInventory, type Answer, type Engine, type Inventory } from '../../src';
import { loadEngine } from '../load-engine';

/** A mistake in the command line: printed with the usage, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The flags and positionals, or a UsageError for an unknown flag or a missing value. */
export function readFlags<O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The flags that choose which rules a command works on. */
export const SELECTION_FLAGS = Object.freeze({
  mode: { type: 'string' },
  component: { type: 'string' },
  direction: { type: 'string' },
} as const);

const DIRECTIONS = ['in', 'out'] as const;

/**
 * The rules of one mode, optionally only those of one component, optionally only one direction
 * (in: the component is the destination; out: it is the source). Checked against the knowledge.
 */
export function selectRules(engine: Engine, flags: { mode?: string; component?: string; direction?: string }): Answer {
  const mode = chooseFrom('--mode', flags.mode, engine.catalog.modes.map((m) => m.id));
  const component = flags.component === undefined ? undefined : chooseFrom('--component', flags.component, engine.catalog.components.map((c) => c.id));
  if (flags.direction !== undefined && !component) throw new UsageError('--direction needs --component');
  const direction = flags.direction === undefined ? undefined : chooseFrom('--direction', flags.direction, DIRECTIONS);
  return engine.browse({ modes: [mode], component, direction });
}

export function chooseFrom<T extends string>(what: string, value: string | undefined, choices: readonly T[], fallback?: T): T {
  if (value === undefined && fallback) return fallback;
  if (!choices.includes(value as T)) throw new UsageError(`${value === undefined ? `${what} is required` : `unknown ${what} "${value}"`}: choose one of ${choices.join(', ')}`);
  return value as T;
}

/** The host inventory named by --hosts, validated against the knowledge's components. */
export function readInventory(engine: Engine, file: string | undefined): Inventory | undefined {
  return file === undefined ? undefined : loadInventory(file, engine.catalog.components, engine.catalog.modes);
}

/**
 * Runs a command and sets the exit status: the command's own, or 2 for a usage error, an invalid
 * knowledge or inventory file, or anything unforeseen (never 1, which the audit keeps for "missing").
 */
export function runCommand(command: (args: string[], engine: () => Engine) => number | Promise<number>, usage: string): void {
  const args = process.argv.slice(2);
  const fail = (error: unknown) => {
    const known = error instanceof UsageError || error instanceof FileError;
    process.stderr.write(`${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    if (error instanceof UsageError) process.stderr.write(`${usage}\n`);
    process.exitCode = 2;
  };
  try {
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(`${usage}\n`);
      return;
    }
    // A diagram is drawn asynchronously (Graphviz compiles once); the other commands return at once.
    Promise.resolve(command(args, () => loadEngine())).then((code) => {
      process.exitCode = code;
    }, fail);
  } catch (error) {
    fail(error);
  }
}
