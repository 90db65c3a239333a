import type { Knowledge } from '../knowledge/build';
import type { Tag } from '../knowledge/phrase-index';
import type { CueName } from '../knowledge/schema';
import type { Token } from './normalize';
import type { Speller } from './spell';

/** One stretch of the question: a known phrase, a port number or range, or a word no phrase holds. */
export type Piece =
  | { kind: 'phrase'; tags: Tag[]; cues: CueName[]; words: string; fuzzy: boolean }
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
  for (const [t, token] of tokens.entries()) {
    // "Win10", "build5": a number glued to an ordinary word is part of a name, not a port
    // ("port8009" and "tcp1433" stay ports: those words are the vocabulary's).
    const glued = token.kind === 'number' && token.attached ? tokens[t - 1] : undefined;
    if (glued?.kind === 'word' && knowledge.plainWords.has(glued.text) && !knowledge.phrases.words.has(glued.text)) continue;
    if (token.kind !== 'word') {
      numbers.set(words.length, token);
      words.push('#');
      fuzzy.push(false);
      continue;
    }
    const expanded = knowledge.abbreviations.get(token.text);
    if (expanded) {
      for (const word of expanded) words.push(word), fuzzy.push(false);
      continue;
    }
    const known = knowledge.phrases.words.has(token.text) || knowledge.plainWords.has(token.text);
    const correction = known || corrections-- <= 0 ? undefined : speller.correct(token.text);
    for (const word of correction?.words ?? [token.text]) {
      words.push(word);
      fuzzy.push(correction !== undefined);
    }
  }

  // An English word beside a name may be a typo that happens to be a word ("admin sever"): it is
  // read as the correction only where that makes a longer name with its neighbour, never alone,
  // so "exclusion" stays exclusion but "admin sever" is the admin server.
  const alternative = words.map((word, i) => {
    if (!knowledge.englishWords.has(word) || knowledge.phrases.words.has(word)) return word;
    const besideName = knowledge.phrases.nameWords.has(words[i - 1] ?? '') || knowledge.phrases.nameWords.has(words[i + 1] ?? '');
    const correction = besideName && corrections-- > 0 ? speller.correct(word) : undefined;
    return correction?.words.length === 1 ? correction.words[0] : word;
  });

  const pieces: Piece[] = [];
  for (let i = 0; i < words.length; ) {
    const number = numbers.get(i);
    if (number) {
      pieces.push(number.kind === 'range' ? { kind: 'port', from: number.from, to: number.to, words: number.text } : { kind: 'port', from: number.value, to: number.value, words: number.text });
      i++;
      continue;
    }
    const asTyped = knowledge.phrases.longestAt(words, i);
    const corrected = knowledge.phrases.longestAt(alternative, i);
    const useCorrected = corrected.length >= 2 && corrected.length > asTyped.length;
    const { length, tags, cues } = useCorrected ? corrected : asTyped;
    if (length) {
      const source = useCorrected ? alternative : words;
      pieces.push({ kind: 'phrase', tags, cues, words: source.slice(i, i + length).join(' '), fuzzy: useCorrected || fuzzy.slice(i, i + length).some(Boolean) });
      i += length;
    } else {
      pieces.push({ kind: 'word', word: words[i], plain: knowledge.plainWords.has(words[i]) });
      i++;
    }
  }
  return pieces;
}
