import type { Answer } from '../../../src';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML text as it reads: Graphviz writes "-" as &#45;. */
export const xmlText = (text: string) =>
  text.replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (entity, name: string) =>
    name[0] === '#' ? String.fromCodePoint(Number(name[1] === 'x' ? `0${name.slice(1)}` : name.slice(1))) : (ENTITIES[name] ?? entity),
  );

/** The arrows an SVG draws: per element id, the label lines it shows, read back from the SVG text. */
export function arrowsOf(svg: string): Map<string, string[]> {
  const arrows = new Map<string, string[]>();
  // Each edge is a <g class="edge"> up to the comment that opens the next element (or the graph's end).
  for (const [, id, body] of svg.matchAll(/<g id="([^"]+)" class="edge[^"]*">([\s\S]*?)<\/g>\n(?=<!--|<\/g>)/g)) {
    arrows.set(xmlText(id), [...body.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => xmlText(m[1])));
  }
  return arrows;
}

/** What the answer says each arrow must show, worked out from its rules apart from the renderer. */
export function expectedArrows(answer: Pick<Answer, 'rules'>): Map<string, string[]> {
  const notes = [...new Set(answer.rules.map((r) => r.note).filter(Boolean))];
  const expected = new Map<string, string[]>();
  for (const rule of answer.rules) {
    const id = ['flow', rule.mode, rule.source, rule.destination, rule.change].filter(Boolean).join('--');
    const mark = rule.change === 'added' ? '+ ' : rule.change === 'removed' ? '- ' : '';
    const note = rule.note ? ` [${notes.indexOf(rule.note) + 1}]` : '';
    const line = `${mark}${rule.service} ${rule.ports} ${rule.protocol}${note}`;
    const lines = expected.get(id) ?? [];
    if (!lines.includes(line)) lines.push(line);
    expected.set(id, lines);
  }
  return expected;
}

/** Arrows in a stable order, each with its lines sorted, to compare two drawings. */
export const sorted = (arrows: Map<string, string[]>) => [...arrows].map(([id, lines]) => [id, [...lines].sort()] as const).sort(([a], [b]) => a.localeCompare(b));

