import type { Knowledge } from '../knowledge/build';
import type { PhraseInfo } from '../knowledge/phrase-index';
import type { WordClass } from '../knowledge/schema';
import type { Speller } from './spell';
import type { Token } from './tokenize';

/**
 * One stretch of the question: a phrase the vocabulary or the locale holds, a word none holds,
 * a number, or a punctuation mark; with the characters it covers.
 */
export interface Piece {
  kind: 'phrase' | 'word' | 'number' | 'punct';
  /** The words as read (after abbreviations and corrections), or the digits, or the mark. */
  words: string;
  start: number;
  end: number;
  /** Typed right after the piece before, with no space. */
  glued: boolean;
  info?: PhraseInfo;
  classes: ReadonlySet<WordClass>;
  /** Read through a spelling correction. */
  fuzzy: boolean;
  /** A word no phrase holds that is ordinary English. */
  english: boolean;
}

const NO_CLASSES: ReadonlySet<WordClass> = new Set();
// "edge -> dedupe", "non-BOI → exclusive BOI": an arrow says where a flow or a change goes.
const ARROW = '→';
const TO: ReadonlySet<WordClass> = new Set(['to']);
// A question has a handful of typos: past this many, words are left as typed, so that a wall
// of made-up words costs no more than an ordinary question.
const MAX_CORRECTIONS = 8;

const JOINERS = new Set(['-', '/', '_', '.', '+', '&']);

/**
 * A hyphen or slash typed inside a word ("non-BOI", "I/O", "in-office") separates two words of
 * one phrase; between numbers it stays ("135-139", "1433/1434") unless the two make a phrase ("24/7").
 */
function joinsWords(tokens: readonly Token[], t: number, phrases: Knowledge['phrases']): boolean {
  const [before, mark, after] = [tokens[t - 1], tokens[t], tokens[t + 1]];
  if (!before || !after || !JOINERS.has(mark.text) || !mark.glued || !after.glued) return false;
  if (before.kind === 'word' && after.kind === 'word') return true;
  return before.kind === 'number' && after.kind === 'number' && phrases.longestAt([before.text, after.text], 0).length === 2;
}

interface Slot {
  word: string;
  token: Token;
  fuzzy: boolean;
}

/** Reads the tokens left to right, taking at each place the longest phrase the knowledge holds. */
export function readPieces(tokens: Token[], knowledge: Knowledge, speller: Speller): Piece[] {
  let corrections = MAX_CORRECTIONS;
  const { phrases, englishWords } = knowledge;
  const slots: Slot[] = [];
  for (const [t, token] of tokens.entries()) {
    if (token.kind === 'punct') {
      const symbol = knowledge.language.symbols[token.text];
      if (symbol) slots.push({ word: symbol, token, fuzzy: false });
      else if (!joinsWords(tokens, t, phrases)) slots.push({ word: '', token, fuzzy: false });
      continue;
    }
    if (token.kind === 'number') {
      slots.push({ word: token.text, token, fuzzy: false });
      continue;
    }
    const expanded = knowledge.abbreviations.get(token.text);
    if (expanded) {
      for (const word of expanded) slots.push({ word, token, fuzzy: false });
      continue;
    }
    const known = phrases.words.has(token.text) || englishWords.has(token.text);
    const correction = known || corrections-- <= 0 ? undefined : speller.correct(token.text);
    if (correction) for (const word of correction.words) slots.push({ word, token, fuzzy: true });
    else slots.push({ word: token.text, token, fuzzy: false });
  }
  const words = slots.map((s) => s.word);

  // An English word beside a name may be a typo that happens to be a word ("admin sever"): it is
  // read as the correction only where that makes a longer name with its neighbour, never alone.
  const alternative = words.map((word, i) => {
    // The phrases first: the English list is loaded only for a word no phrase holds.
    if (!word || phrases.words.has(word) || !englishWords.has(word)) return word;
    const besideName = phrases.nameWords.has(words[i - 1] ?? '') || phrases.nameWords.has(words[i + 1] ?? '');
    const correction = besideName && corrections-- > 0 ? speller.correct(word) : undefined;
    return correction?.words.length === 1 ? correction.words[0] : word;
  });
  // Most questions have no such word: then the corrected reading is the typed one, and is not looked up again.
  const anyAlternative = alternative.some((word, i) => word !== words[i]);

  const pieces: Piece[] = [];
  for (let i = 0; i < slots.length; ) {
    const { token } = slots[i];
    const phraseAhead = token.kind === 'number' ? phrases.longestAt(words, i) : undefined;
    if ((token.kind === 'punct' && !slots[i].word) || (phraseAhead && phraseAhead.length < 2)) {
      const classes = token.text === ARROW ? TO : NO_CLASSES;
      pieces.push({ kind: token.kind, words: token.text, start: token.start, end: token.end, glued: token.glued, classes, fuzzy: false, english: false });
      i++;
      continue;
    }
    const asTyped = phraseAhead ?? phrases.longestAt(words, i);
    const corrected = anyAlternative ? phrases.longestAt(alternative, i) : asTyped;
    const useCorrected = corrected.length >= 2 && corrected.length > asTyped.length;
    const { length, info } = useCorrected ? corrected : asTyped;
    const n = Math.max(length, 1);
    const source = useCorrected ? alternative : words;
    const last = slots[i + n - 1].token;
    pieces.push({
      kind: info ? 'phrase' : 'word',
      words: n === 1 ? source[i] : source.slice(i, i + n).join(' '),
      start: token.start,
      end: last.end,
      glued: token.glued,
      info,
      classes: info?.classes ?? NO_CLASSES,
      fuzzy: useCorrected || (n === 1 ? slots[i].fuzzy : slots.slice(i, i + n).some((s) => s.fuzzy)),
      english: !info && englishWords.has(words[i]),
    });
    i += n;
  }
  return pieces;
}
