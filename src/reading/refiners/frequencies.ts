import { FREQUENCY_OF, frequencyOf, type Frequency } from '../deployment-grammar';
import type { DeploymentFact, ReadingContext } from '../reading-context';
import type { Refiner } from '../refiner';

const WORKING_DAYS = 5;

/** The frequency a clause's own words give its facts: the nearest frequency word, or the place's own ("fully remote"). */
function attach(context: ReadingContext, facts: DeploymentFact[], frequencies: number[]): void {
  const heard = new Map<DeploymentFact, Frequency[]>();
  for (const f of frequencies) {
    // "never leaves the corporate network": a frequency before a verb and its place is that place's;
    // otherwise it is the nearest place's ("home some days", "on the LAN all the time").
    const ahead = facts.filter((x) => x.piece > f && x.piece - f <= 4).sort((a, b) => a.piece - b.piece)[0];
    const distance = (fact: DeploymentFact) => Math.abs(fact.piece - f) - (fact.piece > f ? 0.5 : 0);
    const fact = ahead ?? facts.reduce((a, b) => (distance(b) < distance(a) ? b : a));
    heard.set(fact, [...(heard.get(fact) ?? []), FREQUENCY_OF[frequencyOf(context, f)!]]);
    context.claim(f, 'how often');
  }
  // "only occasionally" is occasionally; "fully remote ... we're never going back": a place that says its own frequency keeps it.
  for (const [fact, said] of heard) fact.frequency = said.find((x) => x === 'sometimes' || x === 'mostly') ?? said.find((x) => x === 'never') ?? said[0];
  for (const fact of facts) if (frequencyOf(context, fact.piece)) fact.frequency = FREQUENCY_OF[frequencyOf(context, fact.piece)!];
}

/** "wfh mondays + tuesdays", "home tues/thurs": some days of the week; "Monday to Friday", "Mon-Thu" is a range. */
function someWeekdays(context: ReadingContext, indices: readonly number[]): boolean {
  const days = indices.filter((i) => context.has(i, 'weekday'));
  const dash = (i: number) => context.text.slice(context.pieces[i].end, context.pieces[i + 1].start) === '-';
  const joined = (a: number, b: number) => days.includes(a) && days.includes(b) && (b === a + 1 ? dash(a) : context.has(a + 1, 'rangeJoin'));
  const inRange = (i: number) => joined(i, i + 1) || joined(i - 1, i) || joined(i, i + 2) || joined(i - 2, i);
  return days.some((i) => !inRange(i));
}

/**
 * How often the endpoints are where each fact says: "always", "never", "some days", "otherwise",
 * a frequency set off by a comma ("remote, always"), named weekdays, a number of days a week, and
 * all of them ("everyone's remote": always).
 */
export const frequencies: Refiner = {
  name: 'frequencies',
  refine(context) {
    context.clauses.forEach((_, c) => {
      const indices = context.indicesOf(c);
      // "all our users are remote, always": a frequency set off by a comma is the clause before's.
      const alone = indices.filter((i) => context.pieces[i].kind !== 'punct');
      const previous = context.facts.filter((f) => f.clause === c - 1);
      if (alone.length && previous.length && alone.every((i) => frequencyOf(context, i) && context.free(i))) {
        for (const fact of previous) fact.frequency ??= FREQUENCY_OF[frequencyOf(context, alone[0])!];
        for (const i of alone) context.claim(i, 'how often');
        return;
      }
      const facts = context.facts.filter((f) => f.clause === c);
      if (!facts.length) return;
      attach(context, facts, indices.filter((i) => frequencyOf(context, i) && context.free(i)));
      // Named weekdays are some days. ("Some of our users are remote" says how many, not how often: that is asked.)
      if (someWeekdays(context, indices)) for (const fact of facts) fact.frequency ??= 'sometimes';
      // "wfh 2 days": some days of the working week; "in the office 5 days": all of them.
      const counted = indices.find((i) => context.pieces[i].kind === 'number' && context.has(i + 1, 'dayNoun'));
      if (counted !== undefined) for (const fact of facts) fact.frequency ??= Number(context.pieces[counted].words) < WORKING_DAYS ? 'sometimes' : 'always';
      // "everyone's remote", "staff are all remote": all the endpoints out, and nothing said of coming in.
      if (indices.some((i) => context.has(i, 'everyone')) && facts.every((f) => f.place === 'outside' && !f.negated)) for (const fact of facts) fact.frequency ??= 'always';
      if (facts.some((f) => f.frequency)) context.trace(() => [facts.map((f) => `${f.negated ? 'not ' : ''}${f.frequency ?? ''} ${f.place}`.trim()).join('; '), facts.map((f) => f.piece)]);
    });
  },
};
