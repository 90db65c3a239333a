import type { Answer } from '../answer';

// The engine's rules (and labels) are frozen objects shared by every answer (toRule): each gets a number once.
const ids = new WeakMap<object, number>();
let nextId = 0;

/** A number for a frozen object, the same every time it is asked for. */
export function idOf(frozen: object): number {
  let id = ids.get(frozen);
  if (id === undefined) ids.set(frozen, (id = nextId++));
  return id;
}

// A few thousand rule sets cover every answer a server gives in a day; a flood of odd ones only clears the memo.
const MAX_RULE_SETS = 1000;

/**
 * The rule set and mode grouping of an answer: the same rules in the same order, under the same
 * modes. Undefined when a rule is not frozen: an object that may still change is not a key.
 */
export function ruleSetKey(answer: Pick<Answer, 'intent' | 'modes' | 'rules'>): string | undefined {
  let key = `${answer.intent === 'diff' ? 'diff' : ''}|${answer.modes.join(',')}|`;
  for (const rule of answer.rules) {
    if (!Object.isFrozen(rule)) return undefined;
    key += `${idOf(rule)},`;
  }
  return key;
}

/**
 * What a renderer builds from an answer's rule set alone (its tables, its rules as JSON), built
 * once per rule set and mode grouping and then shared, per `scope` (the labels and words it was built with).
 */
export function oncePerRuleSet<S extends object, T>(build: (answer: Pick<Answer, 'intent' | 'modes' | 'rules' | 'labels'>, scope: S) => T) {
  const memo = new WeakMap<S, WeakMap<object, Map<string, T>>>();
  return (answer: Pick<Answer, 'intent' | 'modes' | 'rules' | 'labels'>, scope: S): T => {
    const key = Object.isFrozen(answer.labels) ? ruleSetKey(answer) : undefined;
    if (key === undefined) return build(answer, scope);
    let byLabels = memo.get(scope);
    if (!byLabels) memo.set(scope, (byLabels = new WeakMap()));
    let built = byLabels.get(answer.labels);
    if (!built) byLabels.set(answer.labels, (built = new Map()));
    let value = built.get(key);
    if (value === undefined) {
      if (built.size >= MAX_RULE_SETS) built.clear();
      built.set(key, (value = build(answer, scope)));
    }
    return value;
  };
}
