import type { Knowledge } from '../knowledge/build';
import { splitClauses } from './clauses';
import { REFINERS } from './configuration';
import { readPieces } from './pieces';
import type { Query } from './query';
import { ReadingContext, type TraceEntry } from './reading-context';
import type { Speller } from './spell';
import { tokenize } from './tokenize';

/** The Query, with the question as normalized (the text its spans count in), or why the question was refused. */
export type Reading = { ok: true; query: Query; text: string; trace?: TraceEntry[] } | { ok: false; reason: 'empty' | 'too-long' };

/**
 * Reads a question into one Query: tokens, the pieces the knowledge names, clauses, then the
 * refiners of configuration.ts in order. With `trace`, records each refiner's decisions.
 */
export function readQuestion(question: string, knowledge: Knowledge, speller: Speller, options: { trace?: boolean } = {}): Reading {
  const tokenized = tokenize(question, knowledge.language.contractions);
  if (!tokenized.ok) return tokenized;
  const pieces = readPieces(tokenized.tokens, knowledge, speller);
  const { clauses, clauseOf } = splitClauses(pieces);
  const trace: TraceEntry[] | undefined = options.trace ? [] : undefined;
  const context = new ReadingContext(knowledge, tokenized.text, pieces, clauses, clauseOf, trace);
  for (const refiner of REFINERS) context.run(refiner.name, refiner.refine);
  return { ok: true, query: context.query, text: tokenized.text, ...(trace ? { trace } : {}) };
}
