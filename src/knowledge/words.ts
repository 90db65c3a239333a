/**
 * Lower-case words as the engine compares them: apostrophes dropped ("what's" → "whats"),
 * every other non-alphanumeric character a separator ("non-BOI" → "non boi", "I/O" → "i o"),
 * letters and digits apart ("eli5" → "eli 5").
 */
export function toWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/['’‘`]/g, '')
      // "eli5" is "eli" and "5", as the question's tokens split it.
      .replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, (_, l1, n1, n2, l2) => (l1 ? `${l1} ${n1}` : `${n2} ${l2}`))
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
  );
}

/** The plural an admin would type for a name's last word ("client" → "clients"). */
export function pluralOf(words: string[]): string[] | undefined {
  const last = words[words.length - 1];
  if (!/[a-z]$/.test(last) || /s$/.test(last)) return undefined;
  return [...words.slice(0, -1), /[^aeiou]y$/.test(last) ? `${last.slice(0, -1)}ies` : `${last}s`];
}
