import type { ReadingContext } from './reading-context';

/**
 * One small step of the reading: it looks at the pieces, accounts for those it understands and
 * fills in its part of the Query. A refiner that finds nothing changes nothing; none throws.
 */
export interface Refiner {
  readonly name: string;
  refine(context: ReadingContext): void;
}
