import type Fuse from 'fuse.js';

/** How far a misspelt word may be from the word it is read as: one edit, two for long words. */
function allowedEdits(length: number): number {
  return length >= 7 ? 2 : 1;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}

export type Correction = { words: string[] } | undefined;

/**
 * Reads a word the vocabulary does not hold as the word it was meant to be: a typo of a known
 * word ("sever" → "server"), or two known words run together ("edgeserver"). An edit-distance bound
 * and the same first letter keep "exchange" from becoming "change": a wrong correction would be a
 * wrong answer. Fuse.js finds the looser "did you mean" offers.
 */
export class Speller {
  private fuseIndex?: Fuse<string>;
  private readonly cache = new Map<string, Correction>();
  private readonly nearestCache = new Map<string, string | undefined>();
  private static readonly CACHE_LIMIT = 5000;

  /**
   * @param known words a typo may be read as; @param joinable words that may have been typed run
   * together; @param short the small words ("what", "the") a three-letter typo may be read as.
   */
  constructor(
    private readonly known: ReadonlySet<string>,
    private readonly joinable: ReadonlySet<string>,
    private readonly short: readonly string[] = [],
  ) {
    for (const w of known) {
      if (w.length < 3 || !/[aeiouy]/.test(w)) continue;
      const list = this.byFirstLetter.get(w[0]);
      if (list) list.push(w);
      else this.byFirstLetter.set(w[0], [w]);
    }
  }

  // Indexed on the first "did you mean": most runs of the CLI never offer one.
  private get fuse(): Fuse<string> {
    // Required here, not imported: a CLI start that offers nothing does not compile Fuse.js (49 KB).
    return (this.fuseIndex ??= new (require('fuse.js') as typeof Fuse)([...this.known].filter((w) => w.length >= 3), { includeScore: true, threshold: 0.45, ignoreLocation: true }));
  }

  // Known words by first letter: a typo keeps its first letter, so only these are compared with it.
  private readonly byFirstLetter = new Map<string, string[]>();

  correct(word: string): Correction {
    if (this.cache.has(word)) return this.cache.get(word);
    const correction = this.compute(word);
    // Bounded so that a flood of random words cannot grow memory.
    if (this.cache.size >= Speller.CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, correction);
    return correction;
  }

  /**
   * The known word nearest to one the engine did not accept, within a looser bound and with any
   * first letter: not to read the question that way, only to offer "did you mean".
   */
  nearest(word: string): string | undefined {
    if (this.nearestCache.has(word)) return this.nearestCache.get(word);
    const found = this.computeNearest(word);
    if (this.nearestCache.size >= Speller.CACHE_LIMIT) this.nearestCache.clear();
    this.nearestCache.set(word, found);
    return found;
  }

  private computeNearest(word: string): string | undefined {
    if (word.length < 3 || word.length > 30) return undefined;
    const limit = word.length >= 8 ? 3 : 2;
    let best: { word: string; distance: number } | undefined;
    for (const { item } of this.fuse.search(word, { limit: 8 })) {
      const distance = editDistance(word, item, limit);
      if (distance <= limit && (!best || distance < best.distance)) best = { word: item, distance };
    }
    return best?.word;
  }

  private compute(word: string): Correction {
    // "wat", "teh": a three-letter typo is read only as a small word of the language, one edit away.
    if (word.length === 3) {
      const found = this.short.find((w) => w[0] === word[0] && w.length >= 3 && editDistance(word, w, 1) <= 1);
      return found ? { words: [found] } : undefined;
    }
    if (word.length < 4 || word.length > 30) return undefined;
    for (let cut = 2; cut <= word.length - 2; cut++) {
      const head = word.slice(0, cut);
      const tail = word.slice(cut);
      if (this.joinable.has(head) && this.joinable.has(tail)) return { words: [head, tail] };
    }
    // Every known word with the same first letter within the edit bound (acronyms, with no vowel, are
    // never a typo's target: "mysql" and "ssrs" are other products); a swap of two letters ("wnat")
    // beats another word as near ("what").
    const limit = allowedEdits(word.length);
    const sorted = [...word].sort().join('');
    let best: { word: string; distance: number; swapped: boolean } | undefined;
    for (const item of this.byFirstLetter.get(word[0]) ?? []) {
      if (Math.abs(item.length - word.length) > limit) continue;
      const distance = editDistance(word, item, limit);
      if (distance > limit) continue;
      const swapped = item.length === word.length && [...item].sort().join('') === sorted;
      if (!best || distance < best.distance || (distance === best.distance && swapped && !best.swapped)) best = { word: item, distance, swapped };
    }
    return best && { words: [best.word] };
  }
}
