import { roleAfter, type Role } from '../component-roles';
import type { ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';

/** How a pronoun that stands for nothing in the question is claimed: the fragment refiner reads it. */
export const SOMETHING_BEFORE = 'something named before';

/** The end of a flow a pronoun at piece i stands at, and whether it stands at one at all. */
function endOf(context: ReadingContext, i: number): { atAnEnd: boolean; role: Role } {
  const { pieces } = context;
  // "... what does the edge need to reach it?": the object of a verb that goes out is a destination too.
  const towards = context.has(i - 1, 'to') || context.has(i - 1, 'sourceVerb');
  // "is 443 needed for it?": after "needed for" only when it ends the question, not "need them for the ACL".
  const last = !pieces[i + 1] || pieces[i + 1].kind === 'punct';
  const atAnEnd = towards || context.has(i - 1, 'from') || context.has(i - 1, 'topic') || (context.has(i - 1, 'checkWord') && last);
  // "what they need to reach": a pronoun before a verb with a role stands for a component too.
  if (!atAnEnd) return { atAnEnd, role: roleAfter(context, i) };
  return { atAnEnd, role: towards ? 'destination' : context.has(i - 1, 'from') ? 'source' : undefined };
}

/**
 * "The edge box is in the DMZ. What's allowed in to it from the clients?": a pronoun at an end of
 * the question stands for the component the statement before it named, with that end's role;
 * pronouns at both ends ("what they need to reach, and what is reaching them") ask for both
 * directions. With nothing named before ("Do I need TCP or UDP for that one?") it asks which one.
 */
export const pronouns: Refiner = {
  name: 'pronouns',
  refine(context) {
    const { pieces, clauseOf, mentions, asked } = context;
    const pointing = pieces
      .map((_, i) => i)
      .filter((i) => context.has(i, 'reference') && context.free(i) && context.questionClause(clauseOf[i]) && (endOf(context, i).atAnEnd || endOf(context, i).role));
    if (!pointing.length) return;
    const [pronoun] = pointing;
    const roles = new Set(pointing.map((i) => endOf(context, i).role));
    const role: Role = roles.size === 1 ? [...roles][0] : undefined;
    const referent = [...mentions].reverse().find((m) => m.piece < pronoun && !asked.includes(m)) ?? (asked.length === 1 && !asked[0].role ? asked[0] : undefined);
    if (referent) {
      if (role) referent.role = role;
      if (!asked.includes(referent)) asked.unshift(referent);
      for (const i of pointing) context.claim(i, `stands for ${referent.id}`);
      context.trace(() => [`stands for ${referent.id}${role ? ` (${role})` : ''}`, pointing]);
    } else if (!asked.length) {
      context.query.vagueNoun = context.span(pronoun);
      context.claim(pronoun, SOMETHING_BEFORE);
      context.trace(() => ['something named before', [pronoun]]);
    }
  },
};
