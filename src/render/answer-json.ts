import type { Answer } from '../answer';
import { oncePerRuleSet } from './once-per-rule-set';

// Stand in for the rules and the text while the rest of the answer is written: JSON.stringify
// writes them as "\u0000rules" and "\u0000text", and only the answer's own `rules` and `text`
// keys can be followed by them unescaped (every quote inside a string is escaped).
const RULES = '\u0000rules';
const TEXT = '\u0000text';
const RULES_SPLICE = `"rules":${JSON.stringify(RULES)}`;
const TEXT_SPLICE = `"text":${JSON.stringify(TEXT)}`;

const rulesJson = oncePerRuleSet((answer: Pick<Answer, 'rules'>, _scope: object) => JSON.stringify(answer.rules));
const ANY_SCOPE = {};

// renderText gives the same string object for the same answer text, so this lookup is cheap.
const textJson = new Map<string, string>();
const MAX_TEXTS = 1000;

function jsonOfText(text: string): string {
  let json = textJson.get(text);
  if (json === undefined) {
    if (textJson.size >= MAX_TEXTS) textJson.clear();
    textJson.set(text, (json = JSON.stringify(text)));
  }
  return json;
}

/**
 * The answer as JSON, exactly JSON.stringify's text, with its rules and its text written once per
 * rule set and mode grouping: a batch or a busy server writes the same tables over and over.
 */
export function answerJson(answer: Answer): string {
  const rules = rulesJson(answer, ANY_SCOPE);
  const text = jsonOfText(answer.text);
  // Object.assign, not { ...answer, rules }: on Node 20 a spread followed by more keys costs ~0.7 µs.
  return JSON.stringify(Object.assign({}, answer, { rules: RULES, text: TEXT }))
    .replace(RULES_SPLICE, () => `"rules":${rules}`)
    .replace(TEXT_SPLICE, () => `"text":${text}`);
}
