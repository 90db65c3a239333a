import type { Language } from '../knowledge/schema';

/** The longest question the engine reads (the contract's limit), counted after Unicode normalization. */
export const MAX_QUESTION_LENGTH = 4000;

/** A word, a run of digits or one other character, with where it stands in the normalized question. */
export interface Token {
  kind: 'word' | 'number' | 'punct';
  /** Lower case; a punctuation token holds its character, an arrow is "→". */
  text: string;
  start: number;
  end: number;
  /** Typed right after the token before, with no space ("INC0012345", "135-139", "Win10"). */
  glued: boolean;
}

export type Tokenized = { ok: true; text: string; tokens: Token[] } | { ok: false; reason: 'empty' | 'too-long' };

// Chat markup that names people or channels, never part of a question: Slack <@U1|name>,
// <!here>, <#C1|name>, and Teams <at>Bot</at>. Bounded lengths keep a run of unclosed "<@" linear.
const MENTIONS = /<[@!#][^>]{0,200}>|<at>[^<]{0,200}<\/at>/gi;
const SLACK_LINK = /<((?:https?|mailto):[^|>]{0,500})(?:\|([^>]{0,200}))?>/gi;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };
// "edge -> dedupe": an arrow says where a flow goes; it becomes one token.
const ARROWS = /-+>|=+>|→|⟶|⇒/gu;
const APOSTROPHES = /[’‘`´]/gu;
// Starting only where a word starts: from every letter of one long word it would rescan the rest (quadratic).
const CONTRACTED = /(?<!\p{L})\p{L}+'\p{L}+/gu;
const TOKEN = /(\p{L}[\p{L}\p{M}]*)|([0-9]+)|(\S)/gu;
const NON_ASCII = /[^\x00-\x7f]/;

// The locale's suffixes, longest first: sorted once per locale, not once per question.
const sortedSuffixes = new WeakMap<Language['contractions'], [string, string][]>();

function suffixesOf(contractions: Language['contractions']): [string, string][] {
  let suffixes = sortedSuffixes.get(contractions);
  if (!suffixes) sortedSuffixes.set(contractions, (suffixes = Object.entries(contractions.suffixes).sort((a, b) => b[0].length - a[0].length)));
  return suffixes;
}

/** Rewrites contractions with the locale's table ("don't" → "do not"); other apostrophes go ("what's" → "whats"). */
function expandContractions(text: string, contractions: Language['contractions']): string {
  if (!text.includes("'")) return text;
  const suffixes = suffixesOf(contractions);
  return text.replace(CONTRACTED, (word) => {
    const lower = word.toLowerCase();
    const whole = contractions.whole[lower];
    if (whole) return whole;
    const suffix = suffixes.find(([ending]) => lower.endsWith(ending) && lower.length > ending.length);
    return suffix ? `${word.slice(0, -suffix[0].length)} ${suffix[1]}` : word.replace(/'/g, '');
  });
}

/** Removes chat markup, normalizes Unicode (NFKC), then splits the question into tokens. */
export function tokenize(question: string, contractions: Language['contractions']): Tokenized {
  if (question.length > MAX_QUESTION_LENGTH) return { ok: false, reason: 'too-long' };
  // Markup and entities start with "<" and "&": a question with neither is not scanned for them.
  const unmarked = question.includes('<') ? question.replace(MENTIONS, ' ').replace(SLACK_LINK, (_, url: string, label?: string) => ` ${label ?? url} `) : question;
  const decoded = unmarked.includes('&') ? unmarked.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity]) : unmarked;
  // NFKC leaves ASCII as it is.
  const plain = NON_ASCII.test(decoded) ? decoded.normalize('NFKC') : decoded;
  // After NFKC: a character it expands must not carry a question past the limit.
  if (plain.length > MAX_QUESTION_LENGTH) return { ok: false, reason: 'too-long' };
  const text = expandContractions(plain.replace(APOSTROPHES, "'").replace(ARROWS, ' → '), contractions);
  const tokens = NON_ASCII.test(text) ? unicodeTokens(text) : asciiTokens(text);
  return tokens.some((t) => t.kind !== 'punct') ? { ok: true, text, tokens } : { ok: false, reason: 'empty' };
}

function unicodeTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (const match of text.matchAll(TOKEN)) {
    const [whole, word, number] = match;
    const start = match.index;
    tokens.push({ kind: word ? 'word' : number ? 'number' : 'punct', text: whole.toLowerCase(), start, end: start + whole.length, glued: start === previousEnd });
    previousEnd = start + whole.length;
  }
  return tokens;
}

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isDigit = (code: number) => code >= 48 && code <= 57;
// \s in ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
const isSpace = (code: number) => (code >= 9 && code <= 13) || code === 32;

/**
 * The tokens TOKEN finds, for a text all ASCII (nearly every question): a scan of character codes
 * instead of a Unicode regex match per token, several times faster. In ASCII, \p{L} is a-z, A-Z and \p{M} is nothing.
 */
function asciiTokens(text: string): Token[] {
  const lower = text.toLowerCase();
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (let start = 0; start < text.length; ) {
    const code = text.charCodeAt(start);
    if (isSpace(code)) {
      start++;
      continue;
    }
    const kind = isLetter(code) ? 'word' : isDigit(code) ? 'number' : 'punct';
    const within = kind === 'word' ? isLetter : isDigit;
    let end = start + 1;
    if (kind !== 'punct') while (end < text.length && within(text.charCodeAt(end))) end++;
    tokens.push({ kind, text: lower.slice(start, end), start, end, glued: start === previousEnd });
    previousEnd = end;
    start = end;
  }
  return tokens;
}
