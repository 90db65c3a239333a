import type { Messages } from '../knowledge/schema';

// Each template split once at its {placeholders}: [text, key, text, key, ..., text]. Templates are
// the locale's messages, a few hundred; past this many (a caller filling odd strings) it starts again.
const compiled = new Map<string, string[]>();
const MAX_TEMPLATES = 2000;

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    if (compiled.size >= MAX_TEMPLATES) compiled.clear();
    compiled.set(template, (parts = template.split(/\{(\w+)\}/)));
  }
  return parts;
}

/** A message with its {placeholders} filled in. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  // Concatenation over the split template, not a replace with a callback: fill runs a dozen times an answer.
  const parts = partsOf(template);
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) text += String(values[parts[i]] ?? '') + parts[i + 1];
  return text;
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
