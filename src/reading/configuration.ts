import { askFrame } from './refiners/ask-frame';
import { offMatrixTopics } from './refiners/off-matrix-topics';
import { questionHead } from './refiners/question-head';
import { deploymentFacts } from './refiners/deployment-facts';
import { direction } from './refiners/direction';
import { fragment } from './refiners/fragment';
import { frequencies } from './refiners/frequencies';
import { identifiers } from './refiners/identifiers';
import { intent } from './refiners/intent';
import { leftovers } from './refiners/leftovers';
import { changeOverTime } from './refiners/change-over-time';
import { describedModes } from './refiners/described-modes';
import { modeNames } from './refiners/mode-names';
import { modes } from './refiners/modes';
import { namedChange } from './refiners/named-change';
import { namesAndDates } from './refiners/names-and-dates';
import { numbers } from './refiners/numbers';
import { negation } from './refiners/negation';
import { oneAnaphora } from './refiners/one-anaphora';
import { outputFormat } from './refiners/output-format';
import { portNumbers } from './refiners/port-numbers';
import { portRowNames } from './refiners/port-rows';
import { selectors } from './refiners/selectors';
import { askedComponents } from './refiners/asked-components';
import { componentEnds } from './refiners/component-ends';
import { endpointsAsked } from './refiners/endpoints-asked';
import { pronouns } from './refiners/pronouns';
import { subjects } from './refiners/subjects';
import { timeFrames } from './refiners/time-frames';
import { timesWithinClauses } from './refiners/times-within-clauses';
import { yesNo } from './refiners/yes-no';
import type { Refiner } from './refiner';

/**
 * The reading, in order. Each refiner accounts for the pieces it understands and fills in its
 * part of the Query; later ones see what earlier ones took.
 */
export const REFINERS: readonly Refiner[] = Object.freeze([
  // First what cannot be a port or change the rules, so that no later step reads a ticket id as a port.
  identifiers,
  numbers,
  namesAndDates,
  // Before negation: "not the dedupe one" must negate the dedupe storage location, not the dedupe server.
  oneAnaphora,
  negation,
  // After negation, which it consults for "besides 3999".
  portNumbers,
  // Before the components: "the dedupe port rules" name rows, not the dedupe server.
  portRowNames,
  // The deployment grammar before the components: endpoints in a description are not the DLO Clients.
  deploymentFacts,
  frequencies,
  timeFrames,
  timesWithinClauses,
  // The components: named with their ends, the endpoints when they are what is asked, then which
  // are asked (a statement's set the scene), what a pronoun stands for, and the ends into the Query.
  subjects,
  endpointsAsked,
  askedComponents,
  pronouns,
  componentEnds,
  direction,
  selectors,
  // After the subjects: a change told over time is read differently when the question names a component.
  modeNames,
  describedModes,
  // A change named, else one told over time, else the modes all the evidence leaves.
  namedChange,
  changeOverTime,
  modes,
  outputFormat,
  yesNo,
  // After every name is taken: what is left in what the question asks for decides whether the matrix holds it.
  offMatrixTopics,
  questionHead,
  askFrame,
  leftovers,
  fragment,
  // Last: the decision reads the finished Query only.
  intent,
]);
