import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id');
const text = z.string().trim().min(1, 'must not be empty');

/**
 * knowledge/diagram.json: how the flow diagram presents the components. Optional: a matrix
 * without it is drawn with every component on its own.
 */
export const diagramPresentationSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Boxes drawn around components that belong together ("DLO servers", "Storage", "Endpoints"). */
  groups: z.array(z.strictObject({ id, name: text, components: z.array(id).min(1) })).default([]),
});
export type DiagramPresentation = z.infer<typeof diagramPresentationSchema>;

export const NO_DIAGRAM_PRESENTATION: DiagramPresentation = Object.freeze({ groups: [] });
