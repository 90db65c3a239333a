import type { DeploymentFact, ReadingContext } from './reading-context';

const PLACES = ['inside', 'outside', 'mixed'] as const;
const FREQUENCIES = ['always', 'only', 'never', 'sometimes', 'mostly', 'otherwise'] as const;
export type Frequency = NonNullable<DeploymentFact['frequency']>;
/** "only" is always, "otherwise" (the rest of the time) is most of it. */
export const FREQUENCY_OF: Record<(typeof FREQUENCIES)[number], Frequency> = { always: 'always', only: 'always', never: 'never', sometimes: 'sometimes', mostly: 'mostly', otherwise: 'mostly' };

/** Where piece i says the endpoints are; a name of the vocabulary is never a place word too ("cellular" may name a mode). */
export const placeOf = (context: ReadingContext, i: number) => (context.entities[i] ? undefined : PLACES.find((p) => context.has(i, p)));
/** How often piece i says, if it says. */
export const frequencyOf = (context: ReadingContext, i: number) => FREQUENCIES.find((f) => context.has(i, f));
