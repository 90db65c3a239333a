import type { Answer } from '../../answer';
import { DIAGRAM_FONT, diagramDot } from './diagram-dot';
import { diagramGraph, type DiagramSettings } from './diagram-graph';
import { DIAGRAM_FONT_FILES } from './font-files';

export { DIAGRAM_FORMATS, type DiagramFormat } from './diagram-format';

export interface PngOptions {
  /** Pixels per CSS pixel of the SVG (1: 96 dpi, 11 pt labels 15 px high). */
  zoom?: number;
  /** One channel of grey: about half the bytes, for surfaces that limit a message's size. */
  grayscale?: boolean;
}

export interface DiagramRenderer {
  /** The answer's flows as an SVG document; undefined when the answer has no rules. */
  svg(answer: DiagramInput): string | undefined;
  /** The same picture as a PNG, drawn off the event loop with the bundled font; undefined without rules. */
  png(answer: DiagramInput, options?: PngOptions): Promise<Buffer | undefined>;
}

export type DiagramInput = Pick<Answer, 'modes' | 'rules' | 'labels' | 'summary' | 'understood'>;

/**
 * The one diagram renderer: answer -> graph -> DOT -> Graphviz (WebAssembly) -> SVG -> resvg -> PNG.
 * Creating it loads and compiles Graphviz once (asynchronous); each drawing after that is synchronous.
 */
export async function createDiagramRenderer(settings: DiagramSettings): Promise<DiagramRenderer> {
  // Loaded here, not when the module is: Graphviz, resvg and pngjs hold about 14 MB of a server
  // that may never draw, and every surface's module graph reaches this file.
  const [{ instance }, { renderAsync }, { PNG }] = await Promise.all([import('@viz-js/viz'), import('@resvg/resvg-js'), import('pngjs')]);
  const viz = await instance();
  const svg = (answer: DiagramInput) => (answer.rules.length ? viz.renderString(diagramDot(diagramGraph(answer, settings)), { format: 'svg', engine: 'dot' }) : undefined);
  return {
    svg,
    async png(answer, options = {}) {
      const drawn = svg(answer);
      if (drawn === undefined) return undefined;
      // Only the bundled font, never the system's: the picture is the same on every machine. At
      // 96 dpi a whole mode is about 3,300 px wide: its 11 pt labels read without zooming.
      const image = await renderAsync(drawn, {
        font: { fontFiles: DIAGRAM_FONT_FILES, loadSystemFonts: false, defaultFontFamily: DIAGRAM_FONT, sansSerifFamily: DIAGRAM_FONT },
        background: 'white',
        ...(options.zoom ? { fitTo: { mode: 'zoom' as const, value: options.zoom } } : {}),
      });
      if (!options.grayscale) return image.asPng();
      // A diff still reads in grey: its arrows differ by line style and by + and -, not by colour alone.
      const rgba = PNG.sync.read(image.asPng());
      return PNG.sync.write(rgba, { colorType: 0, inputHasAlpha: true });
    },
  };
}
