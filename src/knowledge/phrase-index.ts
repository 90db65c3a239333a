import type { CueName, OutputFormat } from './schema';

/** What a phrase of the question can stand for. */
export type Tag =
  | { kind: 'component' | 'mode' | 'modeGroup' | 'service' | 'protocol' | 'transport'; id: string }
  | { kind: 'product' }
  | { kind: 'otherProduct' }
  | { kind: 'format'; id: OutputFormat }
  | { kind: 'cue'; id: CueName };

interface Node {
  next: Map<string, Node>;
  tags: Tag[];
  /** The cue names among the tags, kept apart because every stage asks for them. */
  cues: CueName[];
}

/** A word trie over every phrase the engine understands: the longest phrase at a position wins. */
export class PhraseIndex {
  private readonly root: Node = { next: new Map(), tags: [], cues: [] };
  /** Every word that occurs in some phrase: what a misspelt word may be corrected to. */
  readonly words = new Set<string>();
  /** The words of names (not of cue phrases): what two run-together words may be split into. */
  readonly nameWords = new Set<string>();

  add(words: string[], tag: Tag): void {
    let node = this.root;
    for (const word of words) {
      this.words.add(word);
      if (tag.kind !== 'cue' && tag.kind !== 'format' && tag.kind !== 'otherProduct') this.nameWords.add(word);
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = { next: new Map(), tags: [], cues: [] }));
      node = child;
    }
    if (!node.tags.some((t) => JSON.stringify(t) === JSON.stringify(tag))) node.tags.push(tag);
    if (tag.kind === 'cue' && !node.cues.includes(tag.id)) node.cues.push(tag.id);
  }

  /** The longest phrase starting at `start`, as its length, tags and cues; length 0 when none. */
  longestAt(words: readonly string[], start: number): { length: number; tags: Tag[]; cues: CueName[] } {
    let node = this.root;
    let best = { length: 0, tags: [] as Tag[], cues: [] as CueName[] };
    for (let i = start; i < words.length; i++) {
      const child = node.next.get(words[i]);
      if (!child) break;
      node = child;
      if (node.tags.length) best = { length: i - start + 1, tags: node.tags, cues: node.cues };
    }
    return best;
  }
}
