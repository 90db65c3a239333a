import type { Knowledge } from '../knowledge/build';
import type { EntityTag } from '../knowledge/phrase-index';
import type { WordClass } from '../knowledge/schema';
import type { Clause } from './clauses';
import type { Mention } from './component-roles';
import { indexRange } from './index-range';
import type { ModeEvidence } from './mode-evidence';
import type { Piece } from './pieces';
import type { TimeMarker } from './time-markers';
import { emptyQuery, type Query, type Span } from './query';

const ASKING: readonly WordClass[] = ['wh', 'listStart', 'rulesHead', 'checkWord', 'everything', 'howTo', 'measure', 'diff', 'explain'];
const QUESTIONING: readonly WordClass[] = ['wh', 'howTo', 'measure', 'yesNo'];
const FILLER: readonly WordClass[] = ['opener', 'greeting', 'chatter', 'neutral'];
// The refiners that set words aside as ids, numbers, names and dates: those words no longer speak.
const SET_ASIDE_BY = ['identifiers', 'numbers', 'names'];

/** The times a question may tell of: a change told over time compares the first with the last. */
export const BEFORE = 0;
export const NOW = 1;
export const AFTER = 2;

/** One place the endpoints are said to be, how often, and in which clause (the deployment grammar). */
export interface DeploymentFact {
  place: 'inside' | 'outside' | 'mixed';
  frequency?: 'always' | 'never' | 'sometimes' | 'mostly';
  negated: boolean;
  clause: number;
  /** The piece that names the place. */
  piece: number;
  /** 0 before, 1 now, 2 after: a change told over time compares the first with the last. */
  rank: number;
}

/** One refiner's decision and the words it used: `--explain` prints these. */
export interface TraceEntry {
  refiner: string;
  decision: string;
  words: string[];
}

/**
 * The question while it is read: its pieces and clauses (read-only), the Query being filled in,
 * and the notes one refiner leaves for a later one. Nothing here is read after the reading ends.
 */
export class ReadingContext {
  readonly query: Query = emptyQuery();
  /** Who accounted for each piece: a refiner's name and what it took the piece for. */
  readonly claimed: (string | undefined)[];
  /** The component, mode... each piece names; a refiner may re-read one ("the dedupe one"). */
  readonly entities: (EntityTag | undefined)[];
  /** Negated pieces and the negator that negates each. */
  readonly negated = new Map<number, number>();
  readonly facts: DeploymentFact[] = [];
  /** The time rank of each clause (0 before, 1 now, 2 after). */
  ranks: number[] = [];
  /** Clauses whose time speaks of what follows them ("Starting next quarter, ..."). */
  readonly deferredClauses = new Set<number>();
  /** The time of each piece: its clause's, or that of its part of the clause ("today ... and next month ..."). */
  pieceRanks: number[] = [];
  /** The components the question names, with their roles, and those of them it asks about. */
  readonly mentions: Mention[] = [];
  readonly asked: Mention[] = [];
  /** Whether the question's own sentences name components (else a statement's are taken). */
  askedInQuestion = false;
  /** What says which modes (names, described deployments), gathered for the refiners that choose them. */
  readonly modeEvidence: ModeEvidence[] = [];
  /** Set once a refiner has chosen the modes or the change, so that the later ones leave them. */
  modesSettled = false;
  /** Pieces that name the endpoints of a deployment description, not a component. */
  readonly describing = new Set<number>();
  /** Clauses that describe the deployment (they hold a place the endpoints are). */
  readonly descriptions = new Set<number>();
  /** Places said of a server ("the edge server is in the DMZ"), which change no rule. */
  readonly placements: number[] = [];
  /** How many pieces have been claimed: what is worked out from the claims stays true while this stays the same. */
  claims = 0;
  /** Each clause's time markers, as time-markers.ts found them at that many claims. */
  timeMarkers?: { claims: number; markers: TimeMarker[][] };
  private currentRefiner = '';

  private readonly clauseIndices: readonly (readonly number[])[];
  // Whether each piece was set aside (spoken is asked hundreds of times a question; this is decided once, at the claim).
  private readonly setAside: boolean[];
  // Per clause, worked out once: whether it asks, whether it is a question (undone when words are set aside).
  private asking: (boolean | undefined)[] = [];
  private questioning: (boolean | undefined)[] = [];
  // The sentences that say something, for every clause's question check: worked out once, not once per clause.
  private saying: number[] | undefined;

  constructor(
    readonly knowledge: Knowledge,
    readonly text: string,
    readonly pieces: readonly Piece[],
    readonly clauses: readonly Clause[],
    readonly clauseOf: readonly number[],
    private readonly traceEntries?: TraceEntry[],
  ) {
    this.claimed = pieces.map(() => undefined);
    this.setAside = pieces.map(() => false);
    this.entities = pieces.map((p) => p.info?.entity);
    this.clauseIndices = clauses.map(({ from, to }) => indexRange(from, to));
  }

  /** Runs one refiner, so that what it claims and traces carries its name. */
  run(name: string, refine: (context: ReadingContext) => void): void {
    this.currentRefiner = name;
    refine(this);
  }

  has(i: number, wordClass: WordClass): boolean {
    // Refiners look at the pieces before and after: an index outside the list is answered without
    // reading it there, which V8 makes a slow lookup (has is called hundreds of times a question).
    if (!(i >= 0 && i < this.pieces.length)) return false;
    return this.pieces[i].classes.has(wordClass);
  }

  /** Whether piece i names a mode or the BOI group. */
  namesMode(i: number): boolean {
    const kind = this.entities[i]?.kind;
    return kind === 'mode' || kind === 'modeGroup';
  }

  /** Whether piece i is still free: no refiner has accounted for it. */
  free(i: number): boolean {
    return this.claimed[i] === undefined;
  }

  claim(i: number, as: string): void {
    if (this.claimed[i] !== undefined) return;
    const by = `${this.currentRefiner}: ${as}`;
    this.claimed[i] = by;
    this.claims++;
    // A word set aside as an id or a name no longer asks anything.
    if (SET_ASIDE_BY.some((refiner) => by.startsWith(refiner))) (this.setAside[i] = true), (this.asking = []), (this.questioning = []), (this.saying = undefined);
  }

  /** Where piece i is, and the words as read: what a slot of the Query records of the piece that filled it. */
  ref(i: number): { span: Span; words: string; fuzzy?: true } {
    const piece = this.pieces[i];
    return { span: this.span(i), words: piece.words, ...(piece.fuzzy ? { fuzzy: true as const } : {}) };
  }

  span(from: number, to = from): Span {
    const start = this.pieces[from].start;
    const end = this.pieces[to].end;
    return { start, end, text: this.text.slice(start, end) };
  }

  /** The pieces of a clause, as indices. */
  indicesOf(clause: number): readonly number[] {
    return this.clauseIndices[clause] ?? [];
  }

  /** The nearest piece before i that is not a determiner, a plain modifier ("regular") or the product's own name. */
  before(i: number): number {
    for (let j = i - 1; j >= 0; j--) if (!this.has(j, 'determiner') && !this.has(j, 'plainModifier') && !this.pieces[j].info?.product) return j;
    return -1;
  }

  /** Whether piece i was said as a word of the question, not set aside inside a ticket id, a name or a date. */
  spoken(i: number): boolean {
    return !this.setAside[i];
  }

  /**
   * Whether a clause is a question or a request, not a statement beside one: it holds a question
   * word, a request verb, "how", "safe to", opens with "is", "does"..., or ends with "?"; a
   * question of one sentence always is.
   */
  questionClause(clause: number): boolean {
    return (this.questioning[clause] ??= this.findQuestion(clause));
  }

  private findQuestion(clause: number): boolean {
    const { sentence, bracket } = this.clauses[clause];
    if (bracket) return false;
    // "quick question: ..." is no sentence of its own: only sentences that say something count.
    const saying = (this.saying ??= this.clauses.filter((_, k) => this.saysSomething(k)).map((c) => c.sentence));
    if (saying.every((other) => other === sentence)) return true;
    const indices = this.indicesOf(clause);
    if (indices.some((i) => this.spoken(i) && QUESTIONING.some((c) => this.has(i, c)))) return true;
    // A request opens its clause ("show me...", "list the ports"); "firewall logs show drops" states.
    const first = indices.find((i) => this.pieces[i].kind !== 'punct' && this.spoken(i) && !this.has(i, 'opener') && !this.has(i, 'greeting'));
    if (first !== undefined && (this.has(first, 'checkStart') || this.has(first, 'listStart'))) return true;
    // "... Only the flows into SQL Server, please.": narrowing what was asked asks too.
    if (first !== undefined && this.has(first, 'only') && indices.some((i) => i > first && (this.has(i, 'rulesHead') || this.entities[i] !== undefined))) return true;
    // "diff the rules: ...", "delta for the edge server": a change asked for opens it; "changes are coming" states.
    const states = (k: number) => this.has(k, 'auxiliary') || this.has(k, 'copula') || this.has(k, 'verb');
    if (first !== undefined && this.has(first, 'diff') && this.has(first, 'rulesHead') && !states(first + 1)) return true;
    // "what changes for the clients when we move from on-prem to hybrid (some days at home)?": the "?" ends the sentence.
    let k = clause;
    while (this.clauses[k + 1]?.sentence === sentence) k++;
    while (this.clauses[k + 1]?.bracket) k++;
    const last = this.clauses[k].to;
    for (let i = last; i >= 0 && i < this.pieces.length && this.pieces[i].kind === 'punct'; i++) if (this.pieces[i].words === '?') return true;
    for (let i = this.clauses[clause].to; i < this.pieces.length && this.pieces[i].kind === 'punct'; i++) if (this.pieces[i].words === '?') return true;
    return false;
  }

  /** Whether a clause holds a word beyond greetings, fillers and what was set aside ("quick question", "INC0012345"). */
  saysSomething(clause: number): boolean {
    return this.indicesOf(clause).some((i) => {
      const piece = this.pieces[i];
      if (piece.kind === 'punct' || !this.spoken(i)) return false;
      return !FILLER.some((c) => this.has(i, c)) || Boolean(piece.info?.entity);
    });
  }

  /** Whether a clause asks something: it holds a question word, a request, or what the answer is about ("ports"). */
  asks(clause: number): boolean {
    return (this.asking[clause] ??= this.indicesOf(clause).some((i) => this.spoken(i) && ASKING.some((c) => this.has(i, c))));
  }

  /** Records a decision and the pieces it used, for `--explain`; nothing is made unless a trace is being kept. */
  trace(entry: () => [decision: string, pieces?: readonly number[]]): void {
    if (!this.traceEntries) return;
    const [decision, pieces = []] = entry();
    this.traceEntries.push({ refiner: this.currentRefiner, decision, words: pieces.map((i) => this.pieces[i]?.words ?? '') });
  }
}
