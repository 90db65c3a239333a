// Apart from render-diagram.ts: the CLI reads its flags without loading Graphviz and resvg.

/** The formats a diagram is drawn in: SVG for the page and the terminal, PNG for chat. */
export const DIAGRAM_FORMATS = ['svg', 'png'] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];
