/**
 * The whole numbers from `from` up to `to` (not included): a stretch of pieces or clauses, as indices.
 * A loop, not Array.from({ length }, fn), which on Node 20 costs ten times as much (~0.4 µs a call).
 */
export function indexRange(from: number, to: number): number[] {
  const indices: number[] = [];
  for (let i = from; i < to; i++) indices.push(i);
  return indices;
}
