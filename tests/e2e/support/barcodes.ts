// Barcode pictures for the scanner tests and bench, drawn straight into a luma (Y) plane.
//
// bwip-js encodes the symbol (`bwipjs.raw`: the module matrix of a 2D code, or the bar/space
// widths of a linear one); we rasterise it ourselves with supersampling, a rotation, dim-light
// contrast (dark 45 / paper 190), a box blur and a little deterministic noise. No PNG decoding,
// no canvas: the result feeds y4m.ts directly.
// Example: codeFrame(symbol('gs1datamatrix', '(01)00099000000011(17)261212(10)C8123AC4'),
//   { width: 640, height: 480, modulePx: 8 }) → 307,200 bytes, a ~190 px DataMatrix in the centre.
import bwipjs from 'bwip-js/node';

export type Symbol2D = {
  kind: 'matrix';
  cols: number;
  rows: number;
  dark: (c: number, r: number) => boolean;
};
export type SymbolLinear = { kind: 'linear'; modules: boolean[]; rows: number };
export type BarcodeSymbol = Symbol2D | SymbolLinear;

type RawMatrix = { pixs: number[]; pixx: number; pixy: number };
type RawLinear = { sbs: number[] };

/** Encodes `text` with bwip-js (`bcid` e.g. gs1datamatrix, gs1-128, qrcode). */
export function symbol(bcid: string, text: string): BarcodeSymbol {
  const raw = bwipjs.raw(bcid, text, {})[0] as RawMatrix | RawLinear | undefined;
  if (!raw) throw new Error(`bwip-js encoded nothing for ${bcid}`);
  if ('pixs' in raw) {
    const { pixs, pixx, pixy } = raw;
    return { kind: 'matrix', cols: pixx, rows: pixy, dark: (c, r) => pixs[r * pixx + c] === 1 };
  }
  const modules: boolean[] = [];
  raw.sbs.forEach((w, i) => {
    for (let k = 0; k < w; k++) modules.push(i % 2 === 0); // bar, space, bar, …
  });
  return { kind: 'linear', modules, rows: 40 };
}

export interface FrameOptions {
  width: number;
  height: number;
  /** Pixels per module. */
  modulePx: number;
  /** Offset of the symbol's centre from the frame centre, px. */
  dx?: number;
  dy?: number;
  /** Rotation in degrees. */
  angle?: number;
  /** Box blur radius in pixels (0 = sharp). */
  blur?: number;
  /** Seed of the ±6 luma noise. */
  seed?: number;
}

const DARK = 45;
const PAPER = 190;

function isDark(s: BarcodeSymbol, u: number, v: number): boolean {
  if (s.kind === 'matrix') {
    const c = Math.floor(u);
    const r = Math.floor(v);
    return c >= 0 && r >= 0 && c < s.cols && r < s.rows && s.dark(c, r);
  }
  const c = Math.floor(u);
  return v >= 0 && v < s.rows && c >= 0 && c < s.modules.length && s.modules[c] === true;
}

function boxBlur(plane: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  if (radius <= 0) return plane;
  const tmp = new Float32Array(plane.length);
  const out = new Uint8Array(plane.length);
  const n = 2 * radius + 1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++)
        sum += plane[y * width + Math.min(width - 1, Math.max(0, x + k))]!;
      tmp[y * width + x] = sum / n;
    }
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++)
        sum += tmp[Math.min(height - 1, Math.max(0, y + k)) * width + x]!;
      out[y * width + x] = Math.round(sum / n);
    }
  return out;
}

/** One camera frame (Y plane) showing `s`, 2×2 supersampled. */
export function codeFrame(s: BarcodeSymbol, o: FrameOptions): Uint8Array {
  const { width, height, modulePx } = o;
  const cols = s.kind === 'matrix' ? s.cols : s.modules.length;
  const rows = s.rows;
  const cx = width / 2 + (o.dx ?? 0);
  const cy = height / 2 + (o.dy ?? 0);
  const rad = ((o.angle ?? 0) * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  let seed = o.seed ?? 1;
  const plane = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let dark = 0;
      for (const [sx, sy] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ] as const) {
        const px = x + sx - cx;
        const py = y + sy - cy;
        const u = (px * cos + py * sin) / modulePx + cols / 2;
        const v = (-px * sin + py * cos) / modulePx + rows / 2;
        if (isDark(s, u, v)) dark++;
      }
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed % 13) - 6;
      plane[y * width + x] = Math.max(0, Math.min(255, PAPER - ((PAPER - DARK) * dark) / 4 + noise));
    }
  return boxBlur(plane, width, height, o.blur ?? 0);
}

/** A few frames of the symbol drifting a few pixels and turning slightly, blurred: a hand-held pack. */
export function shakyFrames(s: BarcodeSymbol, base: FrameOptions, count = 6): Uint8Array[] {
  return Array.from({ length: count }, (_, i) =>
    codeFrame(s, {
      ...base,
      dx: Math.round(4 * Math.sin(i)),
      dy: Math.round(3 * Math.cos(i)),
      angle: (base.angle ?? 0) + 2 * Math.sin(i / 2),
      blur: base.blur ?? 1,
      seed: i + 1,
    }),
  );
}

/** GS1 AI 17 (YYMMDD) for an ISO date. */
export function ai17(isoDate: string): string {
  return isoDate.slice(2, 4) + isoDate.slice(5, 7) + isoDate.slice(8, 10);
}
