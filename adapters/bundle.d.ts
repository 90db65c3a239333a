/** adapters/bundle.js, for the TypeScript that calls it (the bench). */
export function freshBundle(
  entries: Record<string, string>,
  outdir: string,
  options?: { sourcemap?: boolean; force?: boolean; sources?: string[] },
): Record<string, string>;
export function serverBundle(options?: { force?: boolean }): Record<string, string>;
