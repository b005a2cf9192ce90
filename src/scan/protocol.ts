/**
 * Messages between the scanner (main thread) and decoder.worker.ts. An answer carries a list of
 * reads, each with where its symbol sits in the frame, so one protocol serves a screen that wants
 * the one code in the aiming box (Treat, `maxSymbols` 1) and one that counts every carton in view
 * (decisions/2026-12-01_multi-read-decoder-protocol.md).
 */

/** A rectangle in frame pixels. */
export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A point in frame pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A symbol's corners in frame pixels, as zxing-wasm names them (the symbol's own top-left first). */
export interface Corners {
  readonly topLeft: Point;
  readonly topRight: Point;
  readonly bottomRight: Point;
  readonly bottomLeft: Point;
}

export interface DecodeRequest {
  readonly id: number;
  /** Transferred (not copied): the sender loses it. */
  readonly frame: ImageBitmap | ImageData;
  /** Try this region first, then the whole frame (null: whole frame only). */
  readonly roi: Region | null;
  /** Read up to this many symbols (default 1). A screen that counts asks for more, with roi null. */
  readonly maxSymbols?: number;
  /** Bench only: force the zxing-wasm engine even where a native BarcodeDetector exists. */
  readonly forceWasm?: boolean;
}

export interface DecodeRead {
  /** Decoded text ("Plain" text mode: GS1 FNC1 as GS, no escaping). */
  readonly text: string;
  readonly format: string;
  /** AIM symbology identifier ("]d2", "]C1", "]Q3"…); "" when the engine gives none. */
  readonly symbologyIdentifier: string;
  /** Where the symbol is, in the whole frame's pixels (a region's offset already added). */
  readonly position: Corners;
}

export interface DecodeResponse {
  readonly id: number;
  /** Best first: the engine's order; at most the request's `maxSymbols`. */
  readonly reads: readonly DecodeRead[];
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

/** Corners found in a crop, moved into the frame the crop was taken from. */
export function shiftCorners(c: Corners, dx: number, dy: number): Corners {
  const at = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy });
  return {
    topLeft: at(c.topLeft),
    topRight: at(c.topRight),
    bottomRight: at(c.bottomRight),
    bottomLeft: at(c.bottomLeft),
  };
}

/** What the parser should see: the symbology identifier, then the text (a Digital Link URI as is). */
export function readToRaw(read: Pick<DecodeRead, 'symbologyIdentifier' | 'text'>): string {
  return read.symbologyIdentifier + read.text;
}
