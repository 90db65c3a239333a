import { MAX_QUESTION_LENGTH } from '../src';

/** One input shape at the longest length the engine accepts. */
export interface SlowInput {
  shape: string;
  question: string;
}

/** A small seeded generator (mulberry32): the same "random" words on every run, so runs compare. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Words of 2 to 9 letters and digits ("k3x9", "srv12"), none of them in the vocabulary. */
function randomWordsWithDigits(length: number, seed = 7): string {
  const random = seededRandom(seed);
  const characters = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const words: string[] = [];
  for (let total = 0; total < length; ) {
    const word = Array.from({ length: 2 + Math.floor(random() * 8) }, () => characters[Math.floor(random() * characters.length)]).join('');
    words.push(word);
    total += word.length + 1;
  }
  return words.join(' ').slice(0, length);
}

const fill = (unit: string) => unit.repeat(Math.ceil(MAX_QUESTION_LENGTH / unit.length)).slice(0, MAX_QUESTION_LENGTH);

/**
 * The input shapes that cost the engine most, at 4,000 characters: unclosed mentions, dash runs
 * between digits (ranges), unknown words with digits (every one goes through spelling
 * correction), distinct misspellings, component names over and over, and the shapes below.
 */
export const SLOW_INPUTS: readonly SlowInput[] = Object.freeze([
  { shape: "'<@' repeated", question: fill('<@') },
  { shape: "'1-' repeated", question: fill('1-') },
  { shape: 'random words with digits', question: randomWordsWithDigits(MAX_QUESTION_LENGTH) },
  { shape: "'<!' repeated", question: fill('<!') },
  { shape: 'distinct misspellings', question: Array.from({ length: 600 }, (_, i) => `srv${i}x`).join(' ').slice(0, MAX_QUESTION_LENGTH) },
  { shape: 'component names repeated', question: fill('edge server dedupe server ') },
  // The reading's own costs: long made-up words (each scanned by the speller), one misspelled name
  // over and over, letters no vocabulary holds, characters NFKC expands (one "ﷺ" is 18 letters),
  // and many short clauses that each tell a time and a place.
  { shape: 'long made-up words', question: fill('qwertzuiopasdfghjklyxcvbnm ') },
  { shape: 'one misspelling repeated', question: fill('dedpue sevrer ') },
  { shape: 'Cyrillic words', question: fill('сервер резервного копирования ') },
  { shape: 'NFKC expanders', question: fill('ﷺ ') },
  { shape: 'time and place clauses', question: fill('today in the office, next year at home; ') },
  // Found by the red team's flood (issue 14): one word of 4,000 letters, and units whose repeats
  // made a refiner rescan the question once per negator, clause, bracket or mention.
  { shape: 'one 4,000-letter word', question: fill('qwertzuiopasdfghjklyxcvbnm') },
  { shape: "'=not' repeated", question: fill('=not') },
  { shape: "'inv2),' repeated", question: fill('inv2),') },
  { shape: "'edge]' repeated", question: fill('edge]') },
  { shape: "'a[' repeated", question: fill('a[') },
]);
