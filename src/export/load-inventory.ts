import { readFileSync } from 'node:fs';
import { extname, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { FileError, formatPath } from '../knowledge/knowledge-error';
import { inventorySchema, type Inventory } from './inventory-schema';

/** A host inventory that cannot be used: names the file and the path inside it. */
export class InventoryError extends FileError {
  override readonly name = 'InventoryError';
}

const PARSERS: Readonly<Record<string, { kind: string; parse: (source: string) => unknown }>> = Object.freeze({
  '.json': { kind: 'JSON', parse: JSON.parse },
  '.yaml': { kind: 'YAML', parse: parseYaml },
  '.yml': { kind: 'YAML', parse: parseYaml },
});

/** Validates an inventory already read: `file` only names it in errors, with the path as the file has it. */
export function parseInventory(value: unknown, file: string, components: readonly { id: string }[], modes?: readonly { id: string }[]): Inventory {
  const result = inventorySchema(components, modes).safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // Component entries sit at the top of the file: the parsed form's "hosts" is no key of it.
  const path = issue.path[0] === 'hosts' ? issue.path.slice(1) : issue.path;
  throw new InventoryError(file, formatPath(path), issue.message);
}

/** Reads a host inventory, JSON or YAML by its extension, and validates it against the knowledge's components. */
export function loadInventory(file: string, components: readonly { id: string }[], modes?: readonly { id: string }[]): Inventory {
  const shown = relative(process.cwd(), file) || file;
  const parser = PARSERS[extname(file).toLowerCase()];
  if (!parser) throw new InventoryError(shown, '', 'must end in .json, .yaml or .yml');
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InventoryError(shown, '', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let value: unknown;
  try {
    value = parser.parse(source);
  } catch (error) {
    throw new InventoryError(shown, '', `is not valid ${parser.kind}: ${(error as Error).message.split('\n')[0]}`);
  }
  return parseInventory(value ?? {}, shown, components, modes);
}
