import type * as AdaptiveCards from 'adaptivecards';
import { MAX_CARD_BYTES } from '../../src';

// The package's lib/ is ES modules, which Jest's CommonJS runtime cannot load; dist/ holds the same code as one UMD bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** The official renderer's bundle, for pages that draw cards in Chromium. */
export const ADAPTIVECARDS_BUNDLE = require.resolve('adaptivecards/dist/adaptivecards.min.js');
/**
 * What the official `adaptivecards` package says about a card, with its default host config (the
 * one Teams' limits follow: 5 top-level actions): every warning from parsing (unknown elements,
 * invalid values) and from validateProperties(), plus our size limit. An empty list: valid.
 */
export function adaptiveCardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems = Array.from({ length: context.eventCount }, (_, i) => `parse: ${context.getEventAt(i).message}`);
  problems.push(...card.validateProperties().validationEvents.map((event) => `validate: ${event.message}`));
  if (card.getActionCount() > card.hostConfig.actions.maxActions) problems.push(`${card.getActionCount()} top-level actions`);
  // Teams counts a message's size in UTF-16.
  const bytes = Buffer.byteLength(JSON.stringify(json), 'utf16le');
  if (bytes > MAX_CARD_BYTES) problems.push(`${bytes} bytes, over ${MAX_CARD_BYTES}`);
  return problems;
}
