/**
 * Carton codes and fake-camera sweeps for the receiving tests: each carton's GS1 DataMatrix held
 * about 1.5 s in front of the camera, a blank shelf between cartons.
 */
import { ai17, codeFrame, symbol } from './barcodes';
import { writeY4m } from './y4m';

export const CAMERA = { width: 640, height: 480, fps: 15 } as const;
/** Juvéderm's carton of 2 syringes (the demo catalog's carton-level GTIN). */
export const JUVEDERM_CARTON_GTIN = '10099000000049';

/** A carton's GS1 element string: GTIN, expiry, lot and serial. */
export const cartonCode = (gtin: string, expiry: string, lot: string, serial: string): string =>
  `(01)${gtin}(17)${ai17(expiry)}(10)${lot}(21)${serial}`;

/** About 1.5 s of frames showing `text` as a GS1 DataMatrix. */
export function holdCarton(text: string): Uint8Array[] {
  const frame = codeFrame(symbol('gs1datamatrix', text), {
    width: CAMERA.width,
    height: CAMERA.height,
    modulePx: 7,
    angle: 3,
  });
  return Array.from({ length: 22 }, () => frame);
}

/** Half a second of an empty shelf. */
export function blankShelf(): Uint8Array[] {
  return Array.from({ length: 8 }, () => new Uint8Array(CAMERA.width * CAMERA.height).fill(190));
}

/** Writes a video showing each carton in turn, a blank shelf after each. */
export function writeCartonSweep(path: string, codes: readonly string[]): void {
  writeY4m(path, { ...CAMERA, frames: codes.flatMap((c) => [...holdCarton(c), ...blankShelf()]) });
}
