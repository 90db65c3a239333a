import type { Refiner } from '../refiner';

/** "inbound", "incoming", "outbound", "egress": the direction of a component's flows, said of the question as a whole. */
export const direction: Refiner = {
  name: 'direction',
  refine(context) {
    const inbound = context.pieces.map((_, i) => i).filter((i) => context.has(i, 'inbound') && context.free(i));
    const outbound = context.pieces.map((_, i) => i).filter((i) => context.has(i, 'outbound') && context.free(i));
    for (const i of [...inbound, ...outbound]) context.claim(i, 'a direction');
    // Both said: no direction at all ("inbound and outbound").
    if (inbound.length && !outbound.length) context.query.direction = { value: 'in', span: context.span(inbound[0]) };
    if (outbound.length && !inbound.length) context.query.direction = { value: 'out', span: context.span(outbound[0]) };
    if (context.query.direction) context.trace(() => [`direction ${context.query.direction!.value}`, [...inbound, ...outbound]]);
  },
};
