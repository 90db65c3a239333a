import { createDiagramRenderer, type DiagramRenderer, type Engine } from '../src';

const renderers = new WeakMap<Engine, Promise<DiagramRenderer>>();

/**
 * The diagram renderer for an engine, created on the first diagram asked for: compiling Graphviz
 * takes a moment, and answers that draw nothing must not pay for it.
 */
export function diagramsFor(engine: Engine): Promise<DiagramRenderer> {
  let renderer = renderers.get(engine);
  if (!renderer) {
    renderer = createDiagramRenderer(engine.catalog.diagram);
    // A failure is not kept: the next request tries again.
    renderer.catch(() => renderers.delete(engine));
    renderers.set(engine, renderer);
  }
  return renderer;
}
