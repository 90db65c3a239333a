/** A data file that cannot be used: names the file and the path inside it. */
export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${file}: ${path ? `${path}: ` : ''}${reason}`);
  }
}

/** A knowledge file that cannot be used: names the file and the path inside it. */
export class KnowledgeError extends FileError {
  override readonly name = 'KnowledgeError';
}

/** `services[3].ports[0]` from zod's ['services', 3, 'ports', 0]. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `${i ? '.' : ''}${String(key)}` : `[${JSON.stringify(String(key))}]`))
    .join('');
}
