import { createEngine, loadDefaultKnowledge, type Answer, type Rule } from '../../src';

/** The engine over the real knowledge, built once per test file. */
export const knowledge = loadDefaultKnowledge();
export const engine = createEngine(knowledge);

/** A rule as the scorer compares it: mode|source|destination|ports. */
export const ruleKey = (r: Rule) => `${r.mode}|${r.source}|${r.destination}|${r.ports}`;
export const ruleKeys = (a: Answer) => a.rules.map(ruleKey).sort();
