import type { Answer, Match, Rule } from '../answer';
import type { Knowledge } from '../knowledge/build';
import { toRule } from '../knowledge/expand-flows';
import type { Query } from '../reading/query';
import { describeQuery, describeSubject } from './describe-query';
import { count, fill, list } from './messages';
import { diffFlows, selectFlows } from './select-flows';
import { componentsFitting, suggestionsFor } from './suggest';

type Draft = Omit<Answer, 'text'>;

/** How each slot of the Query was named, in the order the question names them, for the answer's `matches`. */
function matchesOf(query: Query): Match[] {
  const found: { at: number; match: Match }[] = [];
  const add = (kind: Match['kind'], refs: readonly { id: string; span?: { start: number; text: string }; words?: string; fuzzy?: boolean }[]) => {
    for (const ref of refs) if (ref.span) found.push({ at: ref.span.start, match: { kind, id: ref.id, words: ref.words ?? ref.span.text, how: ref.fuzzy ? 'fuzzy' : 'exact' } });
  };
  add('component', query.components);
  add('mode', query.change ? [query.change.from, query.change.to] : query.modes.filter((m) => m.how === 'named' || m.how === 'described'));
  add('service', [...query.services, ...query.conditions]);
  add('protocol', query.protocols);
  add('transport', query.transports);
  for (const port of query.ports) if (port.span) found.push({ at: port.span.start, match: { kind: 'port', id: port.span.text, words: port.span.text, how: 'exact' } });
  return found.sort((a, b) => a.at - b.at).map((f) => f.match);
}

/** Turns the Query into the contract's answer, all but the text, which a renderer writes. */
export function buildAnswer(question: string, query: Query, knowledge: Knowledge): Draft {
  const { messages } = knowledge.language;
  const words = messages.understood;
  const name = (id: string) => knowledge.names.get(id) ?? id;
  const names = (ids: readonly string[]) => list(ids.map(name), words);
  const modes = query.modes.map((m) => m.id);
  // Worked out once: the one-line reading and the summary both name the subject.
  const described = describeSubject(query, knowledge);
  const base = {
    question,
    modes: [] as string[],
    rules: [] as Rule[],
    understood: describeQuery(query, knowledge, described),
    matches: matchesOf(query),
    ...(query.format ? { format: query.format.id } : {}),
    labels: knowledge.labels,
  };
  // Object.assign, not `{ ...base, status }`: on Node 20's V8 a spread followed by more properties
  // costs about 0.7 µs, as much as the rest of the answer. The keys keep the spread's order.
  const draft = (fields: Omit<Draft, keyof typeof base> & Partial<Pick<Draft, 'modes' | 'rules'>>): Draft => Object.assign(base, fields);
  const product = knowledge.matrix.product;
  const document = knowledge.matrix.document;

  if (query.status === 'unknown') {
    const quoted = (texts: string[]) => list(texts.map((t) => `"${t}"`), words);
    const summary =
      query.reason === 'foreign-port'
        ? fill(query.foreignPorts.length > 1 ? messages.unknown.foreignPorts : messages.unknown.foreignPort, { ports: list(query.foreignPorts.map((p) => p.text), words), product })
        : query.reason === 'foreign-subject'
          ? fill(query.foreign.length > 1 ? messages.unknown.foreignWords : messages.unknown.foreignWord, { words: quoted([...new Set(query.foreign.map((f) => f.text))]), product })
          : query.reason === 'off-matrix'
            ? fill(messages.unknown.offMatrix, { topic: `"${query.topic?.text ?? ''}"`, product })
            : fill(messages.unknown.offTopic, { product });
    return draft({ status: 'unknown', intent: 'help', summary, suggestions: suggestionsFor(query, knowledge) });
  }
  if (query.status === 'clarify') {
    const clarify = messages.clarify;
    const fitting = componentsFitting(query, knowledge);
    const readingModes = () => names([...new Set(query.readings.flatMap((r) => r.modes))]);
    const sentences: Partial<Record<NonNullable<Query['reason']>, () => string>> = {
      'which-component': () => fill(clarify.whichComponent, { count: fitting.length, components: fitting.map((c) => c.name).join(words.comma) }),
      'conflicting-modes': () => fill(clarify.conflictingModes, { modes: readingModes() }),
      'how-often': () => fill(clarify.howOften, { modes: readingModes() }),
      'ambiguous-place': () => fill(clarify.ambiguousPlace, { place: query.place?.text ?? '' }),
      zone: () => fill(clarify.zone, { zone: query.place?.text ?? '' }),
      readings: () => clarify.readings,
      'vague-change': () => clarify.vagueChange,
      'check-needs-subject': () => clarify.checkNeedsSubject,
      'diff-needs-two-modes': () => clarify.diffNeedsTwoModes,
    };
    const summary = (query.reason && sentences[query.reason]?.()) ?? clarify.nothingSelected;
    return draft({ status: 'clarify', intent: 'help', modes, summary, suggestions: suggestionsFor(query, knowledge) });
  }

  switch (query.intent) {
    case 'help':
      return draft({
        status: 'answered',
        intent: 'help',
        summary: `${query.reset ? messages.answer.reset : ''}${fill(messages.answer.help, { product, document })}`,
        suggestions: suggestionsFor(query, knowledge),
      });
    case 'explain': {
      const explained = query.modes.some((m) => m.how !== 'all') ? modes : knowledge.matrix.modes.map((m) => m.id);
      const details = explained.map((id) => {
        const mode = knowledge.matrix.modes.find((m) => m.id === id);
        return { title: mode?.title ?? id, body: mode?.definition ?? '' };
      });
      const summary = fill(explained.length > 1 ? messages.answer.explainMany : messages.answer.explainOne, { modes: names(explained), document });
      return draft({ status: 'answered', intent: 'explain', modes: explained, details, summary });
    }
    case 'diff': {
      const { from, to } = query.change!;
      const wanted = new Set(selectFlows(knowledge.flows, query, [from.id, to.id]));
      const changes = diffFlows(knowledge.flows, from.id, to.id).filter((c) => wanted.has(c.flow));
      const added = changes.filter((c) => c.change === 'added').length;
      const flows = messages.counts.flow;
      return draft({
        status: 'answered',
        intent: 'diff',
        modes: [from.id, to.id],
        rules: changes.map((c) => toRule(c.flow, c.change)),
        summary: fill(messages.answer.diff, { from: name(from.id), to: name(to.id), added: count(flows, added), removed: count(flows, changes.length - added) }),
      });
    }
    default: {
      const rules = selectFlows(knowledge.flows, query, modes).map((f) => toRule(f));
      const scope = modes.length === knowledge.matrix.modes.length ? words.anyMode : names(modes);
      const { ends, what } = described;
      if (query.intent === 'check') {
        const yes = rules.length > 0;
        const inModes = names([...new Set(rules.map((r) => r.mode))]);
        const endsPhrase = ends && what.length && !query.components.some((c) => c.role) && query.components.length === 1 ? fill(words.involving, { list: ends }) : ends;
        const subject = [list(what, words), endsPhrase].filter(Boolean).join(' ');
        const reversed = query.reversed ? messages.answer.readAsNeeded : '';
        const summary = yes
          ? `${reversed}${fill(messages.answer.yes, { rules: count(messages.counts.rule, rules.length), subject, modes: inModes })}${query.reversed ? messages.answer.keepOpen : ''}`
          : `${reversed}${fill(messages.answer.no, { subject, scope })}${query.reversed ? messages.answer.needNotBeOpen : ''}`;
        return draft({ status: 'answered', intent: 'check', modes, rules, verdict: yes ? 'yes' : 'no', summary });
      }
      const subject = !ends ? words.forThis : query.components.some((c) => c.role) || (query.components.length > 1 && !query.apart) ? ends : fill(words.for, { subject: ends });
      const summary = rules.length ? fill(messages.answer.rules, { rules: count(messages.counts.rule, rules.length), scope }) : fill(messages.answer.noRules, { subject, scope });
      return draft({ status: 'answered', intent: query.intent, modes, rules, summary });
    }
  }
}
