import { z } from 'zod';
import type { Answer, Catalog, Engine } from '../../src';
import { HttpError } from '../http/http-error';

const emptyIsUnset = (value: unknown) => (value === '' ? undefined : value);

/** The matrix browser's query: one mode or all, one component or all, and the output format. */
export function browseQuerySchema(catalog: Catalog) {
  const oneOf = (ids: string[]) => z.preprocess(emptyIsUnset, z.string().refine((id) => ids.includes(id)).optional());
  return z.object({
    mode: oneOf(catalog.modes.map((mode) => mode.id)),
    component: oneOf(catalog.components.map((component) => component.id)),
    // With a component: in (it is the destination) or out (it is the source), as `npm run export --direction`.
    direction: z.preprocess(emptyIsUnset, z.enum(['in', 'out']).optional()),
    format: z.enum(['json', 'markdown', 'csv']).default('json'),
  });
}

export type BrowseQuery = z.infer<ReturnType<typeof browseQuerySchema>>;

/** Parses the query string, or throws a 400 naming the parameter and the values it takes. */
export function browseQueryFrom(catalog: Catalog, query: unknown): BrowseQuery {
  const parsed = browseQuerySchema(catalog).safeParse(query);
  if (parsed.success) return parsed.data;
  const parameter = String(parsed.error.issues[0]?.path[0] ?? 'query');
  const allowed: Record<string, string[]> = {
    mode: catalog.modes.map((mode) => mode.id),
    component: catalog.components.map((component) => component.id),
    direction: ['in', 'out'],
    format: ['json', 'markdown', 'csv'],
  };
  const values = allowed[parameter] ? `: one of ${allowed[parameter].join(', ')}` : '';
  throw new HttpError(400, `bad_${parameter}`, `Unknown ${parameter}${values}.`);
}

/** A slice of the matrix: one mode or all, one component or all, and with a component one direction. */
export function browseSlice(engine: Engine, { mode, component, direction }: BrowseQuery): Answer {
  return engine.browse({ modes: mode ? [mode] : undefined, component, direction });
}
