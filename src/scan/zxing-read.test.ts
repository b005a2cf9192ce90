/**
 * The worker's zxing-wasm pass in Node: the same options and mapping, the same .wasm (handed over
 * as bytes here; the worker fetches it from our origin). Frames are drawn by the e2e barcode
 * helper (bwip-js module matrices rasterised into a luma plane).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule } from 'zxing-wasm/reader';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeFrame, symbol } from '../../tests/e2e/support/barcodes';
import { centreRegion, readToRaw } from './protocol';
import type { Corners, DecodeRead, Region } from './protocol';
import { fastOptions, readPixels } from './zxing-read';

const W = 1280;
const H = 720;
const GS1 = '(01)00099000000011(17)261212(10)C8123AC4';
const LINK = 'https://id.gs1.org/01/00099000000028/10/P1';

/** Luma planes laid over each other (the darker pixel wins), as RGBA pixels. */
function rgba(...planes: Uint8Array[]): ImageData {
  const data = new Uint8ClampedArray(W * H * 4);
  for (let i = 0; i < W * H; i++) {
    const v = Math.min(...planes.map((p) => p[i] ?? 255));
    data.set([v, v, v, 255], i * 4);
  }
  return { data, width: W, height: H, colorSpace: 'srgb' };
}

function crop(image: ImageData, r: Region): ImageData {
  const data = new Uint8ClampedArray(r.width * r.height * 4);
  for (let y = 0; y < r.height; y++) {
    const from = ((r.y + y) * image.width + r.x) * 4;
    data.set(image.data.subarray(from, from + r.width * 4), y * r.width * 4);
  }
  return { data, width: r.width, height: r.height, colorSpace: 'srgb' };
}

const centre = (c: Corners) => ({
  x: (c.topLeft.x + c.topRight.x + c.bottomRight.x + c.bottomLeft.x) / 4,
  y: (c.topLeft.y + c.topRight.y + c.bottomRight.y + c.bottomLeft.y) / 4,
});
const byFormat = (reads: DecodeRead[], format: string) => reads.find((r) => r.format === format);

/** A GS1 Data Matrix 350 px left of the centre and a Digital Link QR 350 px right of it. */
const twoSymbols = () =>
  rgba(
    codeFrame(symbol('gs1datamatrix', GS1), { width: W, height: H, modulePx: 6, dx: -350 }),
    codeFrame(symbol('qrcode', LINK), { width: W, height: H, modulePx: 6, dx: 350, seed: 3 }),
  );

beforeAll(async () => {
  const wasm = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  await prepareZXingModule({ overrides: { wasmBinary: readFileSync(wasm) }, fireImmediately: true });
});

describe('zxing-wasm reads (the worker protocol)', () => {
  it('[SC1] a frame with two symbols gives two reads, each with its text and its place in the frame', async () => {
    const reads = await readPixels(twoSymbols(), fastOptions(4));
    expect(reads).toHaveLength(2);
    const matrix = byFormat(reads, 'DataMatrix');
    const qr = byFormat(reads, 'QRCode');
    expect(matrix?.symbologyIdentifier).toBe(']d2');
    expect(matrix?.text).toBe('01000990000000111726121210C8123AC4');
    expect(qr && readToRaw(qr)).toBe(`]Q1${LINK}`);
    if (!matrix || !qr) throw new Error('a symbol was not read');
    // Drawn centred at x = 640 ∓ 350, y = 360; a symbol is 130-180 px wide.
    expect(centre(matrix.position).x).toBeCloseTo(290, -1);
    expect(centre(qr.position).x).toBeCloseTo(990, -1);
    for (const r of [matrix, qr]) {
      expect(centre(r.position).y).toBeCloseTo(360, -1);
      expect(r.position.topRight.x - r.position.topLeft.x).toBeGreaterThan(100);
      expect(r.position.bottomLeft.y - r.position.topLeft.y).toBeGreaterThan(100);
    }
  });

  it('[SC1] the aiming-box pass (maxSymbols 1) gives one read of the same frame', async () => {
    const reads = await readPixels(twoSymbols(), fastOptions(1));
    expect(reads).toHaveLength(1);
    expect(['DataMatrix', 'QRCode']).toContain(reads[0]?.format);
  });

  it('[SC1] a read from the centre region has its corners in frame pixels, not crop pixels', async () => {
    const frame = rgba(
      codeFrame(symbol('gs1datamatrix', GS1), { width: W, height: H, modulePx: 6, dx: 40, dy: -30 }),
    );
    const roi = centreRegion(W, H);
    const [whole] = await readPixels(frame, fastOptions(1));
    const [inRoi] = await readPixels(crop(frame, roi), fastOptions(1), roi);
    if (!whole || !inRoi) throw new Error('the symbol was not read');
    expect(inRoi.text).toBe(whole.text);
    for (const k of ['topLeft', 'topRight', 'bottomRight', 'bottomLeft'] as const) {
      expect(Math.abs(inRoi.position[k].x - whole.position[k].x)).toBeLessThanOrEqual(2);
      expect(Math.abs(inRoi.position[k].y - whole.position[k].y)).toBeLessThanOrEqual(2);
    }
    expect(centre(inRoi.position).x).toBeCloseTo(680, -1);
  });
});
