import type { Piece } from './pieces';

/** A stretch of pieces that says one thing: a clause within its sentence. */
export interface Clause {
  /** Pieces [from, to). */
  from: number;
  to: number;
  sentence: number;
  /** Opened by a relative pronoun after a noun ("laptops that only connect over the internet"). */
  relative: boolean;
  /** Inside brackets. */
  bracket: boolean;
}

// Marks that end a sentence when a space follows them (so that "9.6" and "10:30" do not).
const SENTENCE_ENDS = new Set(['.', '!', '?', ';', ':', '…', '|', '—', '–']);
const BRACKETS = new Set(['(', ')', '[', ']', '{', '}']);

function endsSentence(pieces: readonly Piece[], i: number): boolean {
  const piece = pieces[i];
  if (piece.kind !== 'punct') return false;
  if (BRACKETS.has(piece.words)) return true;
  const next = pieces[i + 1];
  const spacedAfter = !next || !next.glued;
  // A hyphen between spaces is a dash ("ports please - every endpoint...").
  if (piece.words === '-') return spacedAfter && !piece.glued;
  return SENTENCE_ENDS.has(piece.words) && spacedAfter;
}

/** A noun-like piece, after which "that", "who" or "which" opens a relative clause. */
const FUNCTION_WORDS = ['determiner', 'preposition', 'auxiliary', 'pronoun', 'conjunction', 'wh', 'clauseOpener', 'negator', 'adverb'] as const;

function nounLike(piece: Piece | undefined): boolean {
  if (!piece || piece.kind === 'punct' || piece.kind === 'number') return false;
  if (piece.info?.entity || piece.classes.has('endpoint') || piece.classes.has('headNoun')) return true;
  return !FUNCTION_WORDS.some((c) => piece.classes.has(c));
}

/**
 * Splits the pieces into sentences (at full stops, question marks, colons, dashes, brackets) and
 * each sentence into clauses (at commas, at the locale's clause openers such as "when", "if",
 * "given", "but", and at a relative pronoun after a noun).
 */
export function splitClauses(pieces: readonly Piece[]): { clauses: Clause[]; clauseOf: number[] } {
  const clauses: Clause[] = [];
  const clauseOf: number[] = new Array(pieces.length).fill(0);
  let sentence = 0;
  let bracket = false;
  let start = 0;
  let relative = false;
  const close = (end: number) => {
    if (end > start) clauses.push({ from: start, to: end, sentence, relative, bracket });
    start = end;
    relative = false;
  };
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (endsSentence(pieces, i)) {
      close(i);
      if (piece.words === '(' || piece.words === '[' || piece.words === '{') bracket = true;
      if (piece.words === ')' || piece.words === ']' || piece.words === '}') bracket = false;
      start = i + 1;
      sentence++;
      continue;
    }
    if (piece.kind === 'punct' && piece.words === ',' && !pieces[i + 1]?.glued) {
      close(i);
      start = i + 1;
      continue;
    }
    // "laptops that only connect over the internet", "our staff, who come back to base" (looked at only before a relative pronoun).
    const afterNoun = () => nounLike(pieces[i - 1]) || (pieces[i - 1]?.words === ',' && nounLike(pieces[i - 2]));
    if (i > start && piece.classes.has('clauseOpener')) close(i);
    else if (piece.classes.has('relative') && afterNoun() && i > 0) {
      close(i);
      relative = true;
    }
  }
  close(pieces.length);
  if (!clauses.length) clauses.push({ from: 0, to: pieces.length, sentence: 0, relative: false, bracket: false });
  clauses.forEach((clause, c) => {
    for (let i = clause.from; i < clause.to; i++) clauseOf[i] = c;
  });
  // Punctuation between clauses belongs to the clause before it.
  for (let i = 0, c = 0; i < pieces.length; i++) {
    while (c + 1 < clauses.length && clauses[c + 1].from <= i) c++;
    if (i < clauses[c].from || i >= clauses[c].to) clauseOf[i] = c;
  }
  return { clauses, clauseOf };
}
