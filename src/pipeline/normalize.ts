/** The longest question the engine reads (the contract's limit). */
export const MAX_QUESTION_LENGTH = 4000;

export type Token =
  | { kind: 'word'; text: string }
  /** `attached`: typed right after a word, with no space ("Win10", "port8009"). */
  | { kind: 'number'; value: number; text: string; attached?: boolean }
  | { kind: 'range'; from: number; to: number; text: string };

export type Normalized = { ok: true; tokens: Token[] } | { ok: false; reason: 'empty' | 'too-long' };

// Chat markup that names people or channels, never part of a question: Slack <@U1|name>,
// <!here>, <#C1|name>, and Teams <at>Bot</at>.
// Bounded lengths keep a run of unclosed "<@" linear instead of quadratic.
const MENTIONS = /<[@!#][^>]{0,200}>|<at>[^<]{0,200}<\/at>/gi;
const SLACK_LINK = /<((?:https?|mailto):[^|>]{0,500})(?:\|([^>]{0,200}))?>/gi;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };
// Versions and addresses ("TLS 1.2", "10.0.0.5") hold digits that are not ports.
// "135-139", "7000 to 7100", "between 1400 and 1500": a range (a descending pair stays two ports).
const TOKEN = /(\d+(?:\.\d+)+)|\bbetween\s+(\d+)\s+and\s+(\d+)|(\d+)\s*(?:-|–|—|\bthrough\b|\bthru\b|\bto\b)\s*(\d+)|(\d+)|(\p{L}+)/gu;

// Numbers that are no port: ticket ids ("CR-4411", upper case as trackers write them), a year
// after a product or version word ("Windows Server 2019"; no port of any matrix is a year between
// 1990 and 2039), and counts ("2 servers"). A number glued to a word ("Win10") is judged later,
// by whether that word is ordinary language.
const NOT_PORTS: [RegExp, string][] = [
  [/\b(?!(?:TCP|UDP|HTTPS?|AJP|PORT)-)[A-Z]{2,5}-\d{3,}\b/gu, ' '],
  [/\b(server|windows|win|sql|version|edition|release|build)\s+(?:199\d|20[0-3]\d)\b/giu, '$1'],
  [/\b\d+\s+(?=(?:servers|machines|hosts|laptops|desktops|clients|agents|endpoints|users|sites|nodes|vms|boxes|devices|computers|workstations)\b)/giu, ' '],
];

/** Removes chat markup, then splits the question into words, port numbers and port ranges. */
export function normalize(question: string): Normalized {
  if (question.length > MAX_QUESTION_LENGTH) return { ok: false, reason: 'too-long' };
  const plain = question
    .replace(MENTIONS, ' ')
    .replace(SLACK_LINK, (_, url: string, label?: string) => ` ${label ?? url} `)
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity])
    .normalize('NFKC')
    // "edge -> dedupe": an arrow says where a flow goes.
    .replace(/\s*(?:-+>|=+>|→|⟶)\s*/gu, ' to ');
  // Before lower-casing: a ticket id is told by its upper case.
  const text = NOT_PORTS.reduce((cleaned, [pattern, by]) => cleaned.replace(pattern, by), plain)
    .toLowerCase()
    .replace(/['’‘`]/g, '');
  const tokens: Token[] = [];
  let wordEnd = -1;
  for (const match of text.matchAll(TOKEN)) {
    const [whole, version, betweenFrom, betweenTo, rangeFrom, rangeTo, number, word] = match;
    const attached = match.index === wordEnd;
    wordEnd = word ? match.index + whole.length : -1;
    if (version) continue;
    const from = betweenFrom ?? rangeFrom;
    const to = betweenTo ?? rangeTo;
    if (from && Number(from) < Number(to)) tokens.push({ kind: 'range', from: Number(from), to: Number(to), text: `${from}-${to}` });
    else if (from) tokens.push({ kind: 'number', value: Number(from), text: from }, { kind: 'number', value: Number(to), text: to });
    else if (number) tokens.push({ kind: 'number', value: Number(number), text: number, ...(attached ? { attached } : {}) });
    else if (word) tokens.push({ kind: 'word', text: word });
  }
  return tokens.length ? { ok: true, tokens } : { ok: false, reason: 'empty' };
}
