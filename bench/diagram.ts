import { createDiagramRenderer, type Engine } from '../src';
import { percentile } from './stats';

const RUNS = 20;

/** Median and worst of `RUNS` timed runs, after one that warms up. */
async function timed(run: () => unknown): Promise<{ median: number; worst: number }> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const startedAt = performance.now();
    await run();
    times.push(performance.now() - startedAt);
  }
  return { median: percentile(times, 50), worst: Math.max(...times) };
}

/** The time to draw each mode's whole matrix as SVG and as PNG, warm (Graphviz compiled once, before). */
export async function benchDiagram(engine: Engine): Promise<string[]> {
  const compileStart = performance.now();
  const diagrams = await createDiagramRenderer(engine.catalog.diagram);
  const lines = [`diagram renderer created (Graphviz WebAssembly compiled, once per process): ${(performance.now() - compileStart).toFixed(0)} ms`];
  for (const mode of engine.catalog.modes) {
    const answer = engine.browse({ modes: [mode.id] });
    const svg = await timed(() => diagrams.svg(answer));
    const png = await timed(() => diagrams.png(answer));
    const show = ({ median, worst }: { median: number; worst: number }) => `median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`;
    lines.push(`diagram of the whole of ${mode.name} (${answer.rules.length} rules), warm, ${RUNS} runs: SVG ${show(svg)}; PNG ${show(png)}`);
  }
  return lines;
}
