import type { OutputFormat, WordClass } from './schema';

/** A name of the vocabulary: what a phrase of the question can stand for. */
export type EntityTag = { kind: 'component' | 'mode' | 'modeGroup' | 'service' | 'protocol' | 'transport' | 'condition'; id: string };

/** Everything one phrase is: the names it gives, and the locale's word classes it belongs to. */
export interface PhraseInfo {
  entity?: EntityTag;
  product: boolean;
  otherProduct: boolean;
  format?: OutputFormat;
  classes: ReadonlySet<WordClass>;
}

interface Node {
  next: Map<string, Node>;
  info?: { entity?: EntityTag; product: boolean; otherProduct: boolean; format?: OutputFormat; classes: Set<WordClass> };
}

export type PhraseTag = { entity: EntityTag } | { product: true } | { otherProduct: true } | { format: OutputFormat } | { wordClass: WordClass };

type SnapshotInfo = Omit<NonNullable<Node['info']>, 'classes'> & { classes: WordClass[] };
type SnapshotNode = [SnapshotInfo | null, [string, SnapshotNode][]];

/** The index as plain JSON, for a knowledge snapshot: the trie, and both word sets in their order (the speller reads them in order). */
export interface PhraseIndexSnapshot {
  words: string[];
  nameWords: string[];
  root: SnapshotNode;
}

/** A word trie over every phrase the engine understands: the longest phrase at a position wins. */
export class PhraseIndex {
  private readonly root: Node = { next: new Map() };
  /** Every word of some phrase: what a misspelt word may be corrected to. */
  readonly words = new Set<string>();
  /** The words of names (not of the locale's classes): what two run-together words may be split into. */
  readonly nameWords = new Set<string>();

  add(words: string[], tag: PhraseTag): void {
    let node = this.root;
    for (const word of words) {
      this.words.add(word);
      if ('entity' in tag || 'product' in tag) this.nameWords.add(word);
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = { next: new Map() }));
      node = child;
    }
    const info = (node.info ??= { product: false, otherProduct: false, classes: new Set() });
    if ('entity' in tag) info.entity ??= tag.entity;
    else if ('product' in tag) info.product = true;
    else if ('otherProduct' in tag) info.otherProduct = true;
    else if ('format' in tag) info.format ??= tag.format;
    else info.classes.add(tag.wordClass);
  }

  /** The longest phrase starting at `start`: its length (0 when none) and what it is. */
  longestAt(words: readonly string[], start: number): { length: number; info?: PhraseInfo } {
    let node = this.root;
    // The best so far in two locals, one object at the end: this runs at every word of every question.
    let length = 0;
    let info: PhraseInfo | undefined;
    for (let i = start; i < words.length; i++) {
      const child = node.next.get(words[i]);
      if (!child) break;
      node = child;
      if (node.info) (length = i - start + 1), (info = node.info);
    }
    return info ? { length, info } : { length: 0 };
  }

  toSnapshot(): PhraseIndexSnapshot {
    const write = (node: Node): SnapshotNode => [
      node.info ? { ...node.info, classes: [...node.info.classes] } : null,
      [...node.next].map(([word, child]) => [word, write(child)] as [string, SnapshotNode]),
    ];
    return { words: [...this.words], nameWords: [...this.nameWords], root: write(this.root) };
  }

  /** The index a snapshot was written from, without reading a phrase again. */
  static fromSnapshot(snapshot: PhraseIndexSnapshot): PhraseIndex {
    const index = new PhraseIndex();
    // Loops and plain objects, no spreads: this runs at every CLI start, once per node of the trie.
    const read = ([info, next]: SnapshotNode): Node => {
      const node: Node = { next: new Map() };
      for (const [word, child] of next) node.next.set(word, read(child));
      if (info) {
        // The keys add() gives, and only those: an absent entity or format stays absent.
        const kept: NonNullable<Node['info']> = { product: info.product, otherProduct: info.otherProduct, classes: new Set(info.classes) };
        if (info.entity) kept.entity = info.entity;
        if (info.format) kept.format = info.format;
        node.info = kept;
      }
      return node;
    };
    index.root.next = read(snapshot.root).next;
    for (const word of snapshot.words) index.words.add(word);
    for (const word of snapshot.nameWords) index.nameWords.add(word);
    return index;
  }

  /** What one phrase is, if the index holds it exactly. */
  lookup(words: readonly string[]): PhraseInfo | undefined {
    let node: Node | undefined = this.root;
    for (const word of words) if (!(node = node.next.get(word))) return undefined;
    return node.info;
  }
}
