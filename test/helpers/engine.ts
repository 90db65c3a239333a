import { createEngine, loadDefaultKnowledge, type Answer, type Rule } from '../../src';

/** The engine over the real knowledge, built once per test file. */
export const knowledge = loadDefaultKnowledge();
export const engine = createEngine(knowledge);

/** A rule as the scorer compares it: mode|source|destination|ports. */
export const ruleKey = (r: Rule) => `${r.mode}|${r.source}|${r.destination}|${r.ports}`;
export const ruleKeys = (a: Answer) => a.rules.map(ruleKey).sort();

type FlowLike = (typeof knowledge.flows)[number];
/** The rules, as the scorer keys them, of every flow of the matrix that a predicate picks: an expectation written apart from the engine's selection. */
export const rulesWhere = (pick: (flow: FlowLike) => boolean) => knowledge.flows.filter(pick).map((f) => ruleKey(f)).sort();
/** A flow with a component at either end. */
export const touches = (flow: FlowLike, id: string) => flow.source === id || flow.destination === id;
