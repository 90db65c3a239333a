import fc from 'fast-check';
import { knowledge } from '../helpers/engine';
import { tokenize } from '../../src/reading/tokenize';

// Seeded: a failure reproduces with the same inputs on every run and machine.
const settings = { seed: 20261201, numRuns: 2000 };
const { contractions } = knowledge.language;

/** The tokens as the Unicode regex reads them: what the ASCII scan must give, token for token. */
function byRegex(text: string): { kind: string; text: string; start: number; end: number; glued: boolean }[] {
  let previousEnd = -1;
  return [...text.matchAll(/(\p{L}[\p{L}\p{M}]*)|([0-9]+)|(\S)/gu)].map((match) => {
    const [whole, word, number] = match;
    const token = { kind: word ? 'word' : number ? 'number' : 'punct', text: whole.toLowerCase(), start: match.index, end: match.index + whole.length, glued: match.index === previousEnd };
    previousEnd = token.end;
    return token;
  });
}

describe('When a question is all ASCII', () => {
  it('the tokens are those the Unicode regex finds', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 120 });
    const words = fc.array(fc.constantFrom('Edge', 'server', "don't", '135-139', 'SR#61905', ' ', '\t', '\n', '->', '<@U1>', '&amp;', '?', '9.6'), { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(ascii, words), (question) => {
        const read = tokenize(question, contractions);
        if (read.ok) expect(read.tokens).toEqual(byRegex(read.text));
      }),
      settings,
    );
  });

  it('a question with markup, entities or an arrow reads as before', () => {
    const read = tokenize('<@U123> what&#39;s open edge -> dedupe', contractions);
    expect(read.ok && read.tokens.map((t) => t.text)).toEqual(['whats', 'open', 'edge', '→', 'dedupe']);
  });
});
