import type { Messages } from '../knowledge/schema';

/** A message with its {placeholders} filled in. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** "no rules", "1 rule", "12 rules", in the locale's words. */
export function count(forms: Messages['counts']['rule'], n: number): string {
  return fill(n === 0 ? forms.zero : n === 1 ? forms.one : forms.other, { n });
}

/** "A", "A and B", "A, B and C", in the locale's words. */
export function list(items: readonly string[], words: Messages['understood']): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(words.comma)}${words.and}${items[items.length - 1]}`;
}
