import type { Query } from '../query';
import type { ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';

/** A sentence that asks nothing, names nothing and describes nothing: "INC0087321 - user reports failed backups." */
function background(context: ReadingContext, clause: number): boolean {
  const { sentence } = context.clauses[clause];
  return context.clauses.every(
    (c, k) =>
      c.sentence !== sentence ||
      (!context.asks(k) && !context.descriptions.has(k) && !context.indicesOf(k).some((i) => context.entities[i] || context.claimed[i]?.endsWith('port'))),
  );
}

/**
 * Every word accounted for: a word no refiner took is set aside when it cannot change which rules
 * answer (ordinary English, anything in a clause that only gives background or describes the
 * deployment); a name nobody knows, or another product, in what the question asks makes it
 * unknown. An adjective that narrows the ports in a way the matrix cannot ("secure ports") too.
 */
export const leftovers: Refiner = {
  name: 'leftovers',
  refine(context) {
    const { pieces, query } = context;
    const anyQuestion = context.clauses.some((_, c) => context.questionClause(c));
    const questionNamesComponents = query.components.some((c) => c.span && context.questionClause(context.clauseOf[pieces.findIndex((p) => p.start === c.span!.start)]));
    const backgrounds = new Map<number, boolean>();
    const inBackground = (clause: number) => {
      const { sentence } = context.clauses[clause];
      if (!backgrounds.has(sentence)) backgrounds.set(sentence, background(context, clause));
      return backgrounds.get(sentence)!;
    };
    // Object.assign onto each new span, not { ...span, why }: on Node 20 a spread followed by more keys costs ~0.7 µs.
    const drop = (i: number, why: Query['dropped'][number]['why']) => {
      context.claim(i, why);
      const last = query.dropped[query.dropped.length - 1];
      // Neighbouring words set aside for the same reason are one span.
      if (last && last.why === why && context.text.slice(last.end, pieces[i].start).trim() === '') Object.assign(last, context.span(i), { start: last.start, text: context.text.slice(last.start, pieces[i].end) });
      else query.dropped.push(Object.assign(context.span(i), { why }));
    };
    pieces.forEach((piece, i) => {
      if (!context.free(i) || !context.spoken(i)) return;
      const clause = context.clauseOf[i];
      if (piece.info?.otherProduct) {
        // "We use Azure Storage for archives. What goes inbound to the DLO Storage Location?": another product in a
        // statement beside a question that names its own components sets the scene.
        const aside = !context.questionClause(clause) && questionNamesComponents;
        if ((inBackground(clause) && !context.descriptions.has(clause)) || aside) drop(i, 'background');
        else query.foreign.push(Object.assign(context.span(i), { otherProduct: true }));
        return;
      }
      if (context.has(i, 'narrowing') && context.has(i + 1, 'rulesHead') && context.questionClause(clause)) {
        query.topic ??= context.span(i, i + 1);
        return;
      }
      if (piece.kind !== 'word') return;
      // A word nobody knows matters in what is asked; in a statement beside it ("Netsec flagged UDP 1434") it is a name.
      const asked = context.questionClause(clause) || !anyQuestion;
      if (piece.english) drop(i, 'filler');
      else if (inBackground(clause)) drop(i, 'background');
      else if (context.descriptions.has(clause)) drop(i, 'description');
      else if (!asked) drop(i, 'background');
      else query.foreign.push(Object.assign(context.span(i), { otherProduct: false }));
    });
    if (query.foreign.length) context.trace(() => [`words it does not know: ${query.foreign.map((f) => f.text).join(', ')}`]);
  },
};
