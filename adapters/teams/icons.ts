import { PNG } from 'pngjs';

/** The app's accent colour in Teams: the colour icon's background. */
export const ACCENT_COLOR = '#0B5CAB';

type Rgba = [number, number, number, number];

const WHITE: Rgba = [255, 255, 255, 255];
const TRANSPARENT: Rgba = [0, 0, 0, 0];

/** The 192x192 colour icon: a white firewall (a brick wall) on the accent colour. */
export function colorIcon(): Buffer {
  const accent = hexToRgba(ACCENT_COLOR);
  // Teams crops colour icons to a rounded square: keep the glyph inside the middle half.
  return drawIcon(192, 48, (brick) => (brick ? WHITE : accent));
}

/** The 32x32 outline icon: the same wall in white on transparent, as Teams requires. */
export function outlineIcon(): Buffer {
  return drawIcon(32, 4, (brick) => (brick ? WHITE : TRANSPARENT));
}

function drawIcon(size: number, margin: number, paint: (brick: boolean) => Rgba): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const glyph = size - 2 * margin;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5 - margin) / glyph;
      const v = (y + 0.5 - margin) / glyph;
      png.data.set(paint(u >= 0 && u < 1 && v >= 0 && v < 1 && isBrick(u, v)), (y * size + x) * 4);
    }
  }
  return PNG.sync.write(png);
}

/** Four courses of bricks in the unit square, every other course offset by half a brick. */
function isBrick(u: number, v: number): boolean {
  const courses = 4;
  const mortar = 1 / 12;
  const brick = (1 - (courses - 1) * mortar) / courses;
  const course = Math.floor(v / (brick + mortar));
  if (v - course * (brick + mortar) >= brick) return false;
  const joints = course % 2 === 0 ? [0.5] : [0.25, 0.75];
  return joints.every((joint) => Math.abs(u - joint) >= mortar / 2);
}

function hexToRgba(hex: string): Rgba {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, 255];
}
