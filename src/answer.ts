import { z } from 'zod';

/** One allowed flow, in the contract's form (../shared/CONTRACT.md). */
export const ruleSchema = z.object({
  mode: z.string(),
  service: z.string(),
  ports: z.string(),
  protocol: z.string(),
  source: z.string(),
  destination: z.string(),
  note: z.string().optional(),
  change: z.enum(['added', 'removed']).optional(),
});
export type Rule = z.infer<typeof ruleSchema>;

export const statusSchema = z.enum(['answered', 'clarify', 'unknown']);
export const intentSchema = z.enum(['component', 'pair', 'port', 'service', 'mode', 'check', 'diff', 'explain', 'help']);
export type Status = z.infer<typeof statusSchema>;
export type Intent = z.infer<typeof intentSchema>;

/** How one stretch of the question was understood: shown to users and used to explain failing tests. */
export const matchSchema = z.object({
  kind: z.enum(['component', 'mode', 'service', 'protocol', 'transport', 'port']),
  id: z.string(),
  words: z.string(),
  how: z.enum(['exact', 'fuzzy']),
});
export type Match = z.infer<typeof matchSchema>;

/** The one structured answer that every surface renders. */
export const answerSchema = z.object({
  question: z.string(),
  status: statusSchema,
  intent: intentSchema,
  modes: z.array(z.string()),
  rules: z.array(ruleSchema),
  text: z.string(),
  /** The answer in one sentence: the headline every surface shows first. */
  summary: z.string(),
  verdict: z.enum(['yes', 'no']).optional(),
  suggestions: z.array(z.string()).optional(),
  /** "Edge Server, occasional BOI, both directions": the question as the engine read it. */
  understood: z.string(),
  matches: z.array(matchSchema),
  /** Display names of the ids this answer mentions (components, modes), so renderers need no knowledge. */
  labels: z.record(z.string(), z.string()),
  /** Set when the engine refused the input (over the length limit, or empty once mentions are removed). */
  refused: z.enum(['empty', 'too-long']).optional(),
  /** The output format the question asked for ("as CSV", "powershell"): surfaces export the rules in it. */
  format: z.enum(['csv', 'markdown', 'json', 'powershell']).optional(),
  /** Mode explanations (intent explain) and similar prose, already in the document's words. */
  details: z.array(z.object({ title: z.string(), body: z.string() })).optional(),
  /** Asked with `explain`: each refiner's decision and the words it used, in order. */
  trace: z.array(z.object({ refiner: z.string(), decision: z.string(), words: z.array(z.string()) })).optional(),
});
export type Answer = z.infer<typeof answerSchema>;
