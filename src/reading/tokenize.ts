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

/** Rewrites contractions with the locale's table ("don't" → "do not"); other apostrophes go ("what's" → "whats"). */
function expandContractions(text: string, contractions: Language['contractions']): string {
  const suffixes = Object.entries(contractions.suffixes).sort((a, b) => b[0].length - a[0].length);
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
  const plain = question
    .replace(MENTIONS, ' ')
    .replace(SLACK_LINK, (_, url: string, label?: string) => ` ${label ?? url} `)
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity])
    .normalize('NFKC');
  // After NFKC: a character it expands must not carry a question past the limit.
  if (plain.length > MAX_QUESTION_LENGTH) return { ok: false, reason: 'too-long' };
  const text = expandContractions(plain.replace(APOSTROPHES, "'").replace(ARROWS, ' → '), contractions);
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (const match of text.matchAll(TOKEN)) {
    const [whole, word, number] = match;
    const start = match.index;
    tokens.push({ kind: word ? 'word' : number ? 'number' : 'punct', text: whole.toLowerCase(), start, end: start + whole.length, glued: start === previousEnd });
    previousEnd = start + whole.length;
  }
  return tokens.some((t) => t.kind !== 'punct') ? { ok: true, text, tokens } : { ok: false, reason: 'empty' };
}
