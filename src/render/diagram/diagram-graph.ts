import type { Answer, Rule } from '../../answer';
import { fill } from '../../answering/messages';
import type { DiagramPresentation } from '../../knowledge/diagram-schema';
import type { Messages } from '../../knowledge/schema';

/** What a diagram needs besides the answer: how components are grouped, and the locale's words for the legend. */
export interface DiagramSettings {
  groups: DiagramPresentation['groups'];
  words: Pick<Messages['text'], 'understoodAs' | 'added' | 'removed'>;
}

/** One line of an arrow's label: one service row of the matrix, with its note's number in the legend. */
export interface ArrowLine {
  service: string;
  ports: string;
  protocol: string;
  /** 1-based number of the note in the legend. */
  note?: number;
}

/** One arrow: every rule of one section from one source to one destination (and of one change, in a diff). */
export interface Arrow {
  /** `flow--MODE--SOURCE--DESTINATION[--CHANGE]`: ids are kebab-case, so "--" separates them unambiguously. */
  id: string;
  mode: string;
  source: string;
  destination: string;
  change?: Rule['change'];
  lines: ArrowLine[];
}

/** The arrows of one mode (several modes: one section each), or of a whole diff. */
export interface Section {
  /** Unique per section, a prefix for node names. */
  key: string;
  /** Shown around the section when the diagram has several. */
  title?: string;
  components: string[];
  arrows: Arrow[];
}

export interface DiagramGraph {
  title: string;
  subtitle: string;
  labels: Readonly<Record<string, string>>;
  groups: DiagramPresentation['groups'];
  sections: Section[];
  /** The notes, in the order of their numbers. */
  notes: string[];
  /** Legend lines for the colours of a diff, when it has such arrows. */
  changes: { change: NonNullable<Rule['change']>; text: string }[];
}

export const arrowId = (rule: Pick<Rule, 'mode' | 'source' | 'destination' | 'change'>) =>
  ['flow', rule.mode, rule.source, rule.destination, ...(rule.change ? [rule.change] : [])].join('--');

/**
 * The answer as a graph: components as nodes, the rules merged into one arrow per source and
 * destination, one label line per service. Reads only the answer, never the question.
 */
export function diagramGraph(answer: Pick<Answer, 'modes' | 'rules' | 'labels' | 'summary' | 'understood'>, settings: DiagramSettings): DiagramGraph {
  const label = (id: string) => answer.labels[id] ?? id;
  const diff = answer.rules.some((r) => r.change);
  const notes: string[] = [];
  const noteNumber = (note?: string) => {
    if (!note) return undefined;
    if (!notes.includes(note)) notes.push(note);
    return notes.indexOf(note) + 1;
  };
  // A diff is one picture (what is added beside what is removed); otherwise one section per mode.
  const sections = new Map<string, Section>();
  const arrows = new Map<string, Arrow>();
  for (const rule of answer.rules) {
    const sectionKey = diff ? 'diff' : rule.mode;
    let section = sections.get(sectionKey);
    if (!section) sections.set(sectionKey, (section = { key: `s${sections.size}`, title: diff ? undefined : label(rule.mode), components: [], arrows: [] }));
    for (const end of [rule.source, rule.destination]) if (!section.components.includes(end)) section.components.push(end);
    const id = arrowId(rule);
    let arrow = arrows.get(id);
    if (!arrow) {
      arrow = { id, mode: rule.mode, source: rule.source, destination: rule.destination, change: rule.change, lines: [] };
      arrows.set(id, arrow);
      section.arrows.push(arrow);
    }
    const line = { service: rule.service, ports: rule.ports, protocol: rule.protocol, note: noteNumber(rule.note) };
    const same = (l: ArrowLine) => l.service === line.service && l.ports === line.ports && l.protocol === line.protocol && l.note === line.note;
    if (!arrow.lines.some(same)) arrow.lines.push(line);
  }
  // Sections in the order the answer lists its modes, as the tables are.
  const position = (section: Section) => answer.modes.indexOf(section.arrows[0].mode);
  const ordered = [...sections.values()].sort((x, y) => position(x) - position(y));
  if (ordered.length === 1) ordered[0].title = undefined;
  const changes: DiagramGraph['changes'] = [];
  for (const change of ['added', 'removed'] as const) {
    const rule = answer.rules.find((r) => r.change === change);
    if (rule) changes.push({ change, text: fill(settings.words[change], { mode: label(rule.mode) }) });
  }
  return {
    title: answer.summary,
    subtitle: fill(settings.words.understoodAs, { understood: answer.understood }),
    labels: answer.labels,
    groups: settings.groups,
    sections: ordered,
    notes,
    changes,
  };
}
