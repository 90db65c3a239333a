import { slug } from './slug';

/** The file an export is saved as: its modes say which deployment it is for. */
export function exportFileName(modes: readonly string[], extension: string): string {
  return ['firewall-rules', ...modes.map(slug)].join('-') + `.${extension}`;
}
