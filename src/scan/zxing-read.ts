/**
 * One zxing-wasm pass over pixels, answered as protocol reads (SPEC [SC1]). Kept out of the
 * worker file so Node tests run the very options and mapping the worker uses; the worker alone
 * says where the .wasm comes from (our origin), a test hands it the file.
 * Example: a 1280×720 frame with a Data Matrix on the left and a QR code on the right, read with
 * fastOptions(4) → two reads, each with its text, format, AIM identifier and four corners in
 * frame pixels; read from a crop at (400, 120), `offset` {x: 400, y: 120} puts the corners back
 * where they are in the frame.
 */
import { readBarcodes } from 'zxing-wasm/reader';
import type { ReaderOptions, ReadResult } from 'zxing-wasm/reader';
import { shiftCorners } from './protocol';
import type { DecodeRead, Point } from './protocol';

/** DSCSA DataMatrix, GS1-128, Digital Link QR, retail EAN/UPC, HIBC in Code 39 (and Code 128). */
const FORMATS: ReaderOptions['formats'] = [
  'DataMatrix',
  'QRCode',
  'Code128',
  'EAN13',
  'EAN8',
  'UPCA',
  'UPCE',
  'Code39',
  'ITF14',
];

/**
 * The fast pass, run on every frame: no rotated/inverted retries. Measured on a 1280×720 frame
 * with one Data Matrix (Node, same wasm): tryHarder full frame 37 ms, this full frame 10 ms, this
 * on the centre region 3 ms. The camera gives many frames, so a cheap pass per frame wins.
 */
export function fastOptions(maxSymbols: number): ReaderOptions {
  return {
    formats: FORMATS,
    textMode: 'Plain',
    tryHarder: false,
    tryRotate: false,
    tryInvert: false,
    tryDownscale: true,
    maxNumberOfSymbols: maxSymbols,
  };
}

/** The occasional harder pass (angled 1D codes, inverted prints). */
export function hardOptions(maxSymbols: number): ReaderOptions {
  return { ...fastOptions(maxSymbols), tryHarder: true, tryRotate: true, tryInvert: true };
}

const point = (p: Point): Point => ({ x: p.x, y: p.y });

/** zxing-wasm results → reads in frame pixels; `offset` is where the decoded pixels sit in the frame. */
export function toReads(results: readonly ReadResult[], offset: Point = { x: 0, y: 0 }): DecodeRead[] {
  return results
    .filter((r) => r.isValid)
    .map((r) => {
      const { topLeft, topRight, bottomRight, bottomLeft } = r.position;
      const corners = {
        topLeft: point(topLeft),
        topRight: point(topRight),
        bottomRight: point(bottomRight),
        bottomLeft: point(bottomLeft),
      };
      return {
        text: r.text,
        format: r.format,
        symbologyIdentifier: r.symbologyIdentifier,
        position: shiftCorners(corners, offset.x, offset.y),
      };
    });
}

/** Reads the symbols in `image` (RGBA pixels; a crop of the frame at `offset`). */
export async function readPixels(
  image: ImageData,
  options: ReaderOptions,
  offset: Point = { x: 0, y: 0 },
): Promise<DecodeRead[]> {
  return toReads(await readBarcodes(image, options), offset);
}
