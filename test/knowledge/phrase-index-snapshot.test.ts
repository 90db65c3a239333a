import { loadDefaultKnowledge } from '../../src';
import { PhraseIndex } from '../../src/knowledge/phrase-index';

describe('The phrase index kept in a knowledge snapshot', () => {
  const { phrases } = loadDefaultKnowledge();
  const snapshot = phrases.toSnapshot();
  const read = PhraseIndex.fromSnapshot(JSON.parse(JSON.stringify(snapshot)));

  it('reads back to the index it was written from: the same trie, the same words in the same order', () => {
    expect(read.toSnapshot()).toStrictEqual(snapshot);
    expect([...read.words]).toEqual([...phrases.words]);
    expect([...read.nameWords]).toEqual([...phrases.nameWords]);
  });

  it('finds each phrase as the index it came from does, names and word classes alike', () => {
    const phrasesOf = ([info, next]: (typeof snapshot)['root'], prefix: string[]): string[][] => [
      ...(info ? [prefix] : []),
      ...next.flatMap(([word, child]) => phrasesOf(child, [...prefix, word])),
    ];
    const all = phrasesOf(snapshot.root, []);
    expect(all.length).toBeGreaterThan(500);
    for (const words of all) {
      expect(read.lookup(words)).toStrictEqual(phrases.lookup(words));
      expect(read.longestAt([...words, 'zzz'], 0)).toStrictEqual(phrases.longestAt([...words, 'zzz'], 0));
    }
  });
});
