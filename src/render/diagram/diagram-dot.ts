import type { Arrow, ArrowLine, DiagramGraph, Section } from './diagram-graph';

/** The one font of every diagram: Graphviz sizes boxes with its metrics, and the PNG is drawn with its files. */
export const DIAGRAM_FONT = 'DejaVu Sans';

// Colours that stay apart in print and for red-green colour blindness; a diff's arrows also differ by line style and by +/-.
const INK = '#24292f';
const MUTED = '#57606a';
const CHANGE_STYLE = {
  added: { color: '#1a7f37', style: 'solid', penwidth: 1.8, mark: '+' },
  removed: { color: '#cf222e', style: 'dashed', penwidth: 1.8, mark: '-' },
} as const;

const GROUP_STYLE = `[style="rounded,filled" fillcolor="#f6f8fa" color="#d0d7de" fontcolor="${MUTED}" fontsize=12 labelloc="b"]`;

/** A DOT double-quoted string: nothing in it can end the string or start an escape sequence. */
const quoted = (text: string) => `"${text.replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
/** Text inside a Graphviz HTML-like label. */
const html = (text: string) => text.replace(/[\r\n]+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Lines of a label, each ended by "\\l" (left-aligned): escaped first, so those are the only escapes. */
const leftAligned = (lines: string[]) => ({ raw: `"${lines.map((line) => quoted(line).slice(1, -1) + '\\l').join('')}"` });

type Value = string | number | { raw: string } | undefined;
const attributes = (values: Record<string, Value>) =>
  `[${Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'number' ? value : typeof value === 'object' ? value.raw : quoted(value as string)}`)
    .join(' ')}]`;

/** "+ Edge Server Port 443 HTTPS [1]": the label line of one service on an arrow. */
export function lineText(line: ArrowLine, change?: Arrow['change']): string {
  const mark = change ? `${CHANGE_STYLE[change].mark} ` : '';
  return `${mark}${line.service} ${line.ports} ${line.protocol}${line.note ? ` [${line.note}]` : ''}`;
}

function legend(graph: DiagramGraph): string {
  const row = (content: string) => `<tr><td align="left" balign="left">${content}</td></tr>`;
  const rows = [
    row(`<b>${html(graph.title)}</b>`),
    row(`<font point-size="11" color="${MUTED}">${html(graph.subtitle)}</font>`),
    ...graph.changes.map(({ change, text }) => {
      const style = CHANGE_STYLE[change];
      const line = change === 'added' ? '———' : '- - -';
      return row(`<font point-size="11" color="${style.color}">${style.mark} ${line}▶  ${html(text)}</font>`);
    }),
    ...graph.notes.map((note, i) => row(`<font point-size="11">[${i + 1}] ${html(note)}</font>`)),
  ];
  return `<<table border="0" cellborder="0" cellspacing="0" cellpadding="2">${rows.join('')}</table>>`;
}

function nodeName(section: Section, component: string): string {
  return quoted(`${section.key}:${component}`);
}

function sectionDot(graph: DiagramGraph, section: Section, mode: string | undefined): string[] {
  const lines: string[] = [];
  const node = (component: string) =>
    `${nodeName(section, component)} ${attributes({ id: ['component', ...(mode ? [mode] : []), component].join('--'), label: graph.labels[component] ?? component, tooltip: graph.labels[component] ?? component })};`;
  const grouped = new Set<string>();
  for (const group of graph.groups) {
    const members = group.components.filter((c) => section.components.includes(c));
    if (!members.length) continue;
    members.forEach((c) => grouped.add(c));
    lines.push(`subgraph ${quoted(`cluster_${section.key}_${group.id}`)} {`, `graph ${GROUP_STYLE} [label=${quoted(group.name)}];`, ...members.map(node), '}');
  }
  lines.push(...section.components.filter((c) => !grouped.has(c)).map(node));
  for (const arrow of section.arrows) {
    const style = arrow.change ? CHANGE_STYLE[arrow.change] : undefined;
    const text = arrow.lines.map((line) => lineText(line, arrow.change));
    const from = graph.labels[arrow.source] ?? arrow.source;
    const to = graph.labels[arrow.destination] ?? arrow.destination;
    lines.push(
      `${nodeName(section, arrow.source)} -> ${nodeName(section, arrow.destination)} ${attributes({
        id: arrow.id,
        class: ['flow', arrow.change].filter(Boolean).join(' '),
        label: leftAligned(text),
        color: style?.color,
        fontcolor: style?.color,
        style: style?.style,
        penwidth: style?.penwidth,
        tooltip: `${from} → ${to}: ${text.join('; ')}`,
      })};`,
    );
  }
  return lines;
}

/** The graph in Graphviz's DOT language: the layout is Graphviz's, nothing is placed by hand. */
export function diagramDot(graph: DiagramGraph): string {
  const lines = [
    'digraph flows {',
    `graph ${attributes({ rankdir: 'LR', fontname: DIAGRAM_FONT, fontsize: 14, fontcolor: INK, labelloc: 't', labeljust: 'l', nodesep: 0.35, ranksep: 0.8, pad: 0.25, bgcolor: 'white', compound: 'true' })}`,
    `graph [label=${legend(graph)}]`,
    `node ${attributes({ shape: 'box', style: 'rounded,filled', fillcolor: 'white', color: INK, fontname: DIAGRAM_FONT, fontsize: 13, fontcolor: INK, margin: '0.14,0.07', penwidth: 1.2 })}`,
    // decorate: each label is underlined and tied to its arrow, so it cannot be read as a neighbour's.
    `edge ${attributes({ fontname: DIAGRAM_FONT, fontsize: 11, color: MUTED, fontcolor: INK, arrowsize: 0.8, decorate: 'true' })}`,
  ];
  const several = graph.sections.length > 1;
  for (const section of graph.sections) {
    const mode = section.arrows[0]?.change ? undefined : section.arrows[0]?.mode;
    const body = sectionDot(graph, section, several ? mode : undefined);
    if (several) lines.push(`subgraph ${quoted(`cluster_${section.key}`)} {`, `label=${quoted(section.title ?? '')}; fontsize=16; style="rounded"; color="${MUTED}";`, ...body, '}');
    else lines.push(...body);
  }
  lines.push('}');
  return lines.join('\n');
}
