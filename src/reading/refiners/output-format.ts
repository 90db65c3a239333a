import type { Refiner } from '../refiner';

/** "as CSV", "in JSON", "powershell": the format the rules are wanted in. */
export const outputFormat: Refiner = {
  name: 'output format',
  refine(context) {
    context.pieces.forEach((piece, i) => {
      const format = piece.info?.format;
      if (!format || !context.free(i)) return;
      context.query.format ??= { id: format, span: context.span(i) };
      context.claim(i, `the format ${format}`);
      context.trace(() => [`as ${format}`, [i]]);
    });
  },
};
