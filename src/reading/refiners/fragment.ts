import { selectorCount } from '../decide';
import type { Refiner } from '../refiner';
import { SOMETHING_BEFORE } from './pronouns';

/**
 * Whether the question is a fragment of a conversation ("and in exclusive?", "only inbound", "as
 * CSV", "what about the IO server?") or stands on its own: it names a subject, a whole mode's
 * rules, or its own intent (a change between two modes, an explanation, help).
 */
export const fragment: Refiner = {
  name: 'fragment',
  refine(context) {
    const { query, pieces } = context;
    const first = pieces.findIndex((p, i) => p.kind !== 'punct' && context.spoken(i) && !context.has(i, 'greeting'));
    const opensAsFollowUp = first >= 0 && context.has(first, 'followUp');
    const wholeMode = query.modes.some((m) => m.how === 'named') && pieces.some((_, i) => context.has(i, 'rulesHead') || context.has(i, 'listStart') || context.has(i, 'everything') || Boolean(pieces[i].info?.format));
    const ownIntent = (query.ask === 'change' && Boolean(query.change)) || query.ask === 'explain' || query.ask === 'help';
    // "TCP or UDP?" names transports but asks of something named before.
    const standsAlone = (selectorCount(query) > 0 && query.reason !== 'nothing-selected') || query.everything || wholeMode || ownIntent;
    // "for that one": it points back at the question before.
    const pointsBack = pieces.some((_, i) => context.claimed[i]?.endsWith(SOMETHING_BEFORE));
    query.fragment = opensAsFollowUp || pointsBack || !standsAlone;
    context.trace(() => [(query.fragment ? 'a fragment: it takes what it leaves unnamed from the question before' : 'stands on its own')]);
  },
};
