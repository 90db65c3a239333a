import type { Refiner } from '../refiner';

/**
 * The modes the question names: "exclusive BOI", "BOI" (a group), "we don't use BOI" (negated),
 * and "from non-BOI" / "to exclusive BOI" (the ends of a change), each with its time.
 */
export const modeNames: Refiner = {
  name: 'mode names',
  refine(context) {
    const { knowledge, entities, clauseOf } = context;
    context.pieces.forEach((_, i) => {
      const entity = entities[i];
      if (!entity || (entity.kind !== 'mode' && entity.kind !== 'modeGroup') || !context.free(i)) return;
      const group = entity.kind === 'modeGroup' ? knowledge.vocabulary.modeGroups.find((g) => g.id === entity.id) : undefined;
      const previous = context.before(i);
      const role = context.has(previous, 'from') || context.has(previous, 'diffBase') ? 'from' : context.has(previous, 'to') ? 'to' : undefined;
      // A remark in brackets ("(we haven't decided exclusive vs occasional yet)") names modes, not a change.
      const remark = context.clauses[clauseOf[i]].bracket;
      const negated = context.negated.has(i);
      context.modeEvidence.push({ modes: group ? group.modes : [entity.id], negated, role: remark ? undefined : role, rank: context.pieceRanks[i] ?? 1, pieces: [i], how: 'named', group: Boolean(group) });
      context.claim(i, 'a mode');
      if (role && context.free(previous)) context.claim(previous, `a change ${role}`);
      context.trace(() => [`${negated ? 'not ' : ''}${entity.id}${role && !remark ? `, a change ${role}` : ''}`, [i]]);
    });
  },
};
