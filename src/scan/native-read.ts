/**
 * The platform's BarcodeDetector (Android Chrome, Safari), used when it reads Data Matrix
 * (SPEC [SC1]); its answers become the same protocol reads as zxing-wasm's.
 */
import type { DecodeRead, Point } from './protocol';

/** The slice of the (not yet typed) Shape Detection API used here. */
export interface NativeBarcode {
  rawValue: string;
  format: string;
  /** Clockwise from the symbol's top-left. */
  cornerPoints?: readonly Point[];
  boundingBox?: { x: number; y: number; width: number; height: number };
}
export interface NativeDetector {
  detect(source: ImageBitmap | ImageData): Promise<NativeBarcode[]>;
}
interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

const NATIVE_FORMATS = [
  'data_matrix',
  'qr_code',
  'code_128',
  'ean_13',
  'ean_8',
  'upc_a',
  'upc_e',
  'code_39',
  'itf',
];

/** The native detector, when this platform has one that reads Data Matrix; null otherwise. */
export async function nativeDetector(): Promise<NativeDetector | null> {
  const Detector = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    const supported = await Detector.getSupportedFormats();
    if (!supported.includes('data_matrix')) return null;
    return new Detector({ formats: NATIVE_FORMATS.filter((f) => supported.includes(f)) });
  } catch {
    return null;
  }
}

/** The native engine gives no AIM identifier; GS1 Data Matrix text starts with a GS (FNC1). */
function nativeIdentifier(format: string, text: string): string {
  if (format === 'data_matrix' && text.startsWith('\u001d')) return ']d2';
  return '';
}

/** Corner points when given, else the bounding box's corners (some engines give only the box). */
function cornersOf(b: NativeBarcode): DecodeRead['position'] {
  const [tl, tr, br, bl] = b.cornerPoints ?? [];
  if (tl && tr && br && bl) return { topLeft: tl, topRight: tr, bottomRight: br, bottomLeft: bl };
  const { x, y, width, height } = b.boundingBox ?? { x: 0, y: 0, width: 0, height: 0 };
  return {
    topLeft: { x, y },
    topRight: { x: x + width, y },
    bottomRight: { x: x + width, y: y + height },
    bottomLeft: { x, y: y + height },
  };
}

export function nativeReads(found: readonly NativeBarcode[], maxSymbols: number): DecodeRead[] {
  return found.slice(0, maxSymbols).map((b) => ({
    text: b.rawValue,
    format: b.format,
    symbologyIdentifier: nativeIdentifier(b.format, b.rawValue),
    position: cornersOf(b),
  }));
}
