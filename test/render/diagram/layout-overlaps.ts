/** Boxes of a Graphviz JSON layout (xdot ops), to check that no label is drawn over another label or a component. */
export interface Box {
  what: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface XdotOp {
  op: string;
  size?: number;
  pt?: [number, number];
  align?: 'l' | 'c' | 'r';
  width?: number;
  text?: string;
  points?: [number, number][];
}
interface LayoutObject {
  name: string;
  id?: string;
  nodes?: number[];
  _draw_?: XdotOp[];
  _ldraw_?: XdotOp[];
}
export interface Layout {
  _ldraw_?: XdotOp[];
  objects?: LayoutObject[];
  edges?: (LayoutObject & { tail: number; head: number })[];
}

/** Each text of a label as a box: Graphviz's own width, the font's ascent and descent around the baseline. */
function textBoxes(ops: XdotOp[] | undefined, what: string): Box[] {
  const boxes: Box[] = [];
  let size = 14;
  for (const op of ops ?? []) {
    if (op.op === 'F' && op.size) size = op.size;
    if (op.op !== 'T' || !op.pt || op.width === undefined) continue;
    const [x, y] = op.pt;
    const x0 = op.align === 'c' ? x - op.width / 2 : op.align === 'r' ? x - op.width : x;
    // y grows upwards in Graphviz coordinates: the ascent is above the baseline.
    boxes.push({ what: `${what}: ${op.text}`, x0, x1: x0 + op.width, y0: y - 0.24 * size, y1: y + 0.76 * size });
  }
  return boxes;
}

function outline(ops: XdotOp[] | undefined, what: string): Box | undefined {
  const points = (ops ?? []).flatMap((op) => op.points ?? []);
  if (!points.length) return undefined;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { what, x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Every pair of labels (of different arrows, groups, the legend), and every label over a component's box, that overlap. */
export function overlaps(layout: Layout): string[] {
  const labels: Box[][] = (layout.edges ?? []).map((edge) => textBoxes(edge._ldraw_, edge.id ?? edge.name));
  labels.push(textBoxes(layout._ldraw_, 'legend'));
  // A group's or a mode's title is a label too: nothing may be written over it.
  for (const cluster of (layout.objects ?? []).filter((o) => o.nodes)) labels.push(textBoxes(cluster._ldraw_, `group ${cluster.name}`));
  const components = (layout.objects ?? []).filter((o) => !o.nodes).map((o) => outline(o._draw_, o.id ?? o.name)).filter((b): b is Box => !!b);
  const found: string[] = [];
  labels.forEach((group, i) => {
    for (const box of group) {
      for (const component of components) if (overlap(box, component)) found.push(`${box.what} over ${component.what}`);
      for (const other of labels.slice(i + 1).flat()) if (overlap(box, other)) found.push(`${box.what} over ${other.what}`);
    }
  });
  return found;
}
