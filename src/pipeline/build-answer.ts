import type { Answer, Rule } from '../answer';
import type { Knowledge } from '../knowledge/build';
import { toRule } from '../knowledge/expand-flows';
import type { Plan } from './classify';
import { describeReading, describeSubject } from './describe-reading';
import type { Reading } from './read-question';
import { diffFlows, selectFlows } from './select-flows';
import { suggestionsFor } from './suggest';

type Draft = Omit<Answer, 'text'>;

/** "for DLO IO Server", but "from DLO Clients to SQL Server" as it stands. */
const noFlowSubject = (ends: string) => (!ends ? 'for this' : /^(from|to|between) /.test(ends) ? ends : `for ${ends}`);

const count = (n: number, word: string) => `${n === 0 ? 'no' : n} ${word}${n === 1 ? '' : 's'}`;

/** Turns the plan into the contract's answer, all but the text, which a renderer writes. */
export function buildAnswer(question: string, reading: Reading, plan: Plan, knowledge: Knowledge): Draft {
  const name = (id: string) => knowledge.names.get(id) ?? id;
  const modeNames = (ids: string[]) => ids.map(name).join(', ');
  const base = {
    question,
    modes: [] as string[],
    rules: [] as Rule[],
    understood: describeReading(reading, plan, knowledge),
    matches: reading.matches,
    ...(reading.format ? { format: reading.format } : {}),
    labels: knowledge.labels,
  };
  const product = knowledge.matrix.product;

  switch (plan.kind) {
    case 'unknown': {
      const subject =
        plan.reason === 'foreign-port'
          ? `port ${reading.foreignPorts.join(', ')} is not in the ${product} port matrix`
          : plan.reason === 'off-topic'
            ? `it is not about the ${product} port matrix`
            : `${reading.foreign.map((f) => `"${f.word}"`).join(', ')} ${reading.foreign.length > 1 ? 'are' : 'is'} not in the ${product} port matrix`;
      return { ...base, status: 'unknown', intent: 'help', summary: `I don't know that: ${subject}, so I won't guess. Here is what I can answer.`, suggestions: suggestionsFor(plan, knowledge) };
    }
    case 'clarify': {
      const summary = {
        'nothing-selected': 'Which component, port, service or deployment mode do you mean?',
        'check-needs-subject': 'Needed for what? Name a port, a service or a component.',
        'diff-needs-two-modes': 'A change needs two deployment modes: from which mode to which?',
        'which-component': `Which one? The matrix has ${knowledge.matrix.components.length} components: ${knowledge.matrix.components.map((c) => c.name).join(', ')}.`,
      }[plan.reason];
      return { ...base, status: 'clarify', intent: 'help', modes: plan.modes, summary, suggestions: suggestionsFor(plan, knowledge) };
    }
    case 'help':
      return {
        ...base,
        status: 'answered',
        intent: 'help',
        summary: `${plan.reset ? "Starting over: I've forgotten the earlier questions. " : ''}I answer which firewall ports ${product} needs, exactly as the vendor's port matrix ("${knowledge.matrix.document}") says. Ask about a component, a port, a service, two components, or a deployment mode.`,
        suggestions: suggestionsFor(plan, knowledge),
      };
    case 'explain': {
      const details = plan.modes.map((id) => {
        const mode = knowledge.matrix.modes.find((m) => m.id === id);
        return { title: mode?.title ?? id, body: mode?.definition ?? '' };
      });
      const summary = `${plan.modes.map(name).join(', ')}, as "${knowledge.matrix.document}" defines ${plan.modes.length > 1 ? 'them' : 'it'}:`;
      return { ...base, status: 'answered', intent: 'explain', modes: plan.modes, details, summary };
    }
    case 'diff': {
      const wanted = new Set(selectFlows(knowledge.flows, reading, [plan.from, plan.to]));
      const changes = diffFlows(knowledge.flows, plan.from, plan.to).filter((c) => wanted.has(c.flow));
      const added = changes.filter((c) => c.change === 'added').length;
      return {
        ...base,
        status: 'answered',
        intent: 'diff',
        modes: [plan.from, plan.to],
        rules: changes.map((c) => toRule(c.flow, c.change)),
        summary: `From ${name(plan.from)} to ${name(plan.to)}: ${count(added, 'flow')} added, ${count(changes.length - added, 'flow')} removed.`,
      };
    }
    case 'select': {
      const flows = selectFlows(knowledge.flows, reading, plan.modes);
      const rules = flows.map((f) => toRule(f));
      const scope = plan.modes.length === knowledge.matrix.modes.length ? 'any deployment mode' : modeNames(plan.modes);
      if (plan.intent === 'check') {
        const yes = rules.length > 0;
        const inModes = [...new Set(rules.map((r) => r.mode))].map(name).join(', ');
        const reversed = reading.cues.has('closeWords') ? 'Read as "is it needed?": ' : '';
        const { ends, what } = describeSubject(reading, knowledge);
        const endsPhrase = ends && what.length && !/^(from|to|between) /.test(ends) ? `involving ${ends}` : ends;
        const subject = [what.join(', '), endsPhrase].filter(Boolean).join(' ');
        const summary = yes
          ? `${reversed}Yes: the matrix has ${count(rules.length, 'rule')} for ${subject} in ${inModes}.${reversed ? ' Keep it open there.' : ''}`
          : `${reversed}No: the matrix has no rule for ${subject} in ${scope}.${reversed ? ' It does not need to be open there.' : ''}`;
        return { ...base, status: 'answered', intent: 'check', modes: plan.modes, rules, verdict: yes ? 'yes' : 'no', summary };
      }
      const summary = rules.length
        ? `${count(rules.length, 'rule')} in ${scope}.`
        : `No rules: the matrix has no flow ${noFlowSubject(describeSubject(reading, knowledge).ends)} in ${scope}.`;
      return { ...base, status: 'answered', intent: plan.intent, modes: plan.modes, rules, summary };
    }
  }
}
