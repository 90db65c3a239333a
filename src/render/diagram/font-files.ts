import { dirname, join } from 'node:path';

// DejaVu Sans from the npm package dejavu-fonts-ttf (TrueType: resvg reads no WOFF), so a PNG is
// drawn with the same glyphs wherever it runs; Graphviz's own width table for it sizes the boxes.
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const DIAGRAM_FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => join(FONT_DIR, file));
