import type { Knowledge } from '../knowledge/build';
import type { Tag } from '../knowledge/phrase-index';
import type { Token } from './normalize';
import type { Speller } from './spell';

/** One stretch of the question: a known phrase, a port number or range, or a word no phrase holds. */
export type Piece =
  | { kind: 'phrase'; tags: Tag[]; words: string; fuzzy: boolean }
  | { kind: 'port'; from: number; to: number; words: string }
  | { kind: 'word'; word: string; plain: boolean };

/**
 * Reads the tokens left to right, taking at each place the longest phrase the vocabulary holds,
 * after reading misspelt words as the words they were meant to be.
 */
export function extractPieces(tokens: Token[], knowledge: Knowledge, speller: Speller): Piece[] {
  // A question has a handful of typos; past this many unknown words, the rest are left as typed
  // so that a wall of random words costs no more than a normal question.
  let corrections = 24;
  const words: string[] = [];
  const fuzzy: boolean[] = [];
  const numbers = new Map<number, Extract<Token, { kind: 'number' | 'range' }>>();
  for (const token of tokens) {
    if (token.kind !== 'word') {
      numbers.set(words.length, token);
      words.push('#');
      fuzzy.push(false);
      continue;
    }
    const known = knowledge.phrases.words.has(token.text) || knowledge.plainWords.has(token.text);
    const correction = known || corrections-- <= 0 ? undefined : speller.correct(token.text);
    for (const word of correction?.words ?? [token.text]) {
      words.push(word);
      fuzzy.push(correction !== undefined);
    }
  }

  const pieces: Piece[] = [];
  for (let i = 0; i < words.length; ) {
    const number = numbers.get(i);
    if (number) {
      pieces.push(number.kind === 'range' ? { kind: 'port', from: number.from, to: number.to, words: number.text } : { kind: 'port', from: number.value, to: number.value, words: number.text });
      i++;
      continue;
    }
    const { length, tags } = knowledge.phrases.longestAt(words, i);
    if (length) {
      pieces.push({ kind: 'phrase', tags, words: words.slice(i, i + length).join(' '), fuzzy: fuzzy.slice(i, i + length).some(Boolean) });
      i += length;
    } else {
      pieces.push({ kind: 'word', word: words[i], plain: knowledge.plainWords.has(words[i]) });
      i++;
    }
  }
  return pieces;
}
