/** Messages between the scanner (main thread) and decoder.worker.ts. */

/** A rectangle in frame pixels. */
export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DecodeRequest {
  readonly id: number;
  /** Transferred (not copied): the sender loses it. */
  readonly frame: ImageBitmap | ImageData;
  /** Try this region first, then the whole frame (null: whole frame only). */
  readonly roi: Region | null;
  /** Bench only: force the zxing-wasm engine even where a native BarcodeDetector exists. */
  readonly forceWasm?: boolean;
}

export interface DecodeHit {
  /** Decoded text ("Plain" text mode: GS1 FNC1 as GS, no escaping). */
  readonly text: string;
  readonly format: string;
  /** AIM symbology identifier ("]d2", "]C1", "]Q3"…); "" when the engine gives none. */
  readonly symbologyIdentifier: string;
}

export interface DecodeResponse {
  readonly id: number;
  readonly hits: readonly DecodeHit[];
  /** Time spent decoding inside the worker (frame copy + decode), ms. */
  readonly ms: number;
  /** Of `ms`, the part spent copying the frame's pixels out (drawImage + getImageData). */
  readonly pixelsMs?: number;
  readonly engine: 'zxing-wasm' | 'native';
  readonly region: 'roi' | 'full' | 'none';
  readonly error?: string;
}

/** The centre crop the aiming box shows: half the width, two thirds of the height. */
export function centreRegion(width: number, height: number): Region {
  const w = Math.round(width / 2);
  const h = Math.round((height * 2) / 3);
  return { x: Math.round((width - w) / 2), y: Math.round((height - h) / 2), width: w, height: h };
}

/** What the parser should see: the symbology identifier, then the text (a Digital Link URI as is). */
export function hitToRaw(hit: DecodeHit): string {
  return hit.symbologyIdentifier + hit.text;
}
