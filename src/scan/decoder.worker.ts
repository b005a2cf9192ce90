/**
 * The barcode decoder, off the main thread (SPEC [SC1]). Receives camera frames (ImageBitmap,
 * transferred) or ImageData, decodes the region of interest first and the whole frame as a
 * fallback, and answers with the hits. Engine: the platform's BarcodeDetector when it reads Data
 * Matrix (Android Chrome, Safari), otherwise zxing-wasm, whose .wasm is served from our origin
 * (Vite `?url` asset, precached by the service worker) so scanning works offline.
 */
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { ReaderOptions } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { DecodeHit, DecodeRequest, DecodeResponse, Region } from './protocol';

// Fetch and compile the wasm now (fireImmediately), while the camera is still starting.
void prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
  },
  fireImmediately: true,
});

/**
 * The fast pass, run on every frame: no rotated/inverted retries. Measured on a 1280×720 frame
 * with one Data Matrix (Node, same wasm): tryHarder full frame 37 ms, this full frame 10 ms, this
 * on the centre region 3 ms. The camera gives many frames, so a cheap pass per frame wins.
 */
const FAST: ReaderOptions = {
  // DSCSA DataMatrix, GS1-128, Digital Link QR, retail EAN/UPC, HIBC in Code 39 (and Code 128).
  formats: ['DataMatrix', 'QRCode', 'Code128', 'EAN13', 'EAN8', 'UPCA', 'UPCE', 'Code39', 'ITF14'],
  textMode: 'Plain',
  tryHarder: false,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: true,
  maxNumberOfSymbols: 1,
};
/** Every HARD_EVERY-th frame without a read also tries harder on the centre region (angled 1D codes, inverted prints). */
const HARD: ReaderOptions = { ...FAST, tryHarder: true, tryRotate: true, tryInvert: true };
const HARD_EVERY = 4;
let misses = 0;
/** Time spent getting pixels out of the frame, reported for the bench. */
let pixelsMs = 0;

/** The slice of DedicatedWorkerGlobalScope used here (tsconfig has the DOM lib, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
  postMessage(message: DecodeResponse): void;
}
const scope = self as unknown as WorkerScope;

interface NativeDetector {
  detect(source: ImageBitmap | ImageData): Promise<Array<{ rawValue: string; format: string }>>;
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
const nativeDetector: Promise<NativeDetector | null> = (async () => {
  const Detector = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    const supported = await Detector.getSupportedFormats();
    if (!supported.includes('data_matrix')) return null;
    return new Detector({ formats: NATIVE_FORMATS.filter((f) => supported.includes(f)) });
  } catch {
    return null;
  }
})();

/** The native engine gives no AIM identifier; GS1 Data Matrix text starts with a GS (FNC1). */
function nativeIdentifier(format: string, text: string): string {
  if (format === 'data_matrix' && text.startsWith('\u001d')) return ']d2';
  return '';
}

let canvas: OffscreenCanvas | null = null;

function pixels(frame: ImageBitmap | ImageData, r: Region | null): ImageData {
  if (frame instanceof ImageData && r === null) return frame;
  const region = r ?? { x: 0, y: 0, width: frame.width, height: frame.height };
  if (!canvas) canvas = new OffscreenCanvas(region.width, region.height);
  canvas.width = region.width;
  canvas.height = region.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d context in the worker');
  if (frame instanceof ImageData) {
    ctx.putImageData(frame, -region.x, -region.y);
  } else {
    ctx.drawImage(frame, region.x, region.y, region.width, region.height, 0, 0, region.width, region.height);
  }
  return ctx.getImageData(0, 0, region.width, region.height);
}

async function wasmDecode(
  frame: ImageBitmap | ImageData,
  region: Region | null,
  options = FAST,
): Promise<DecodeHit[]> {
  const t0 = performance.now();
  const image = pixels(frame, region);
  pixelsMs += performance.now() - t0;
  const results = await readBarcodes(image, options);
  return results
    .filter((r) => r.isValid)
    .map((r) => ({ text: r.text, format: r.format, symbologyIdentifier: r.symbologyIdentifier }));
}

async function decode(request: DecodeRequest): Promise<Omit<DecodeResponse, 'id' | 'ms'>> {
  const native = request.forceWasm ? null : await nativeDetector;
  if (native) {
    const found = await native.detect(request.frame);
    const hits = found.map((b) => ({
      text: b.rawValue,
      format: b.format,
      symbologyIdentifier: nativeIdentifier(b.format, b.rawValue),
    }));
    return { hits, engine: 'native', region: hits.length > 0 ? 'full' : 'none' };
  }
  if (request.roi) {
    const hits = await wasmDecode(request.frame, request.roi);
    if (hits.length > 0) {
      misses = 0;
      return { hits, engine: 'zxing-wasm', region: 'roi' };
    }
  }
  const hits = await wasmDecode(request.frame, null);
  if (hits.length > 0) {
    misses = 0;
    return { hits, engine: 'zxing-wasm', region: 'full' };
  }
  misses += 1;
  if (request.roi && misses % HARD_EVERY === 0) {
    const hard = await wasmDecode(request.frame, request.roi, HARD);
    if (hard.length > 0) return { hits: hard, engine: 'zxing-wasm', region: 'roi' };
  }
  return { hits, engine: 'zxing-wasm', region: 'none' };
}

scope.onmessage = (event) => {
  const request = event.data;
  const started = performance.now();
  pixelsMs = 0;
  decode(request).then(
    (result) => {
      if ('close' in request.frame) request.frame.close();
      scope.postMessage({ id: request.id, ...result, ms: performance.now() - started, pixelsMs });
    },
    (error: unknown) =>
      scope.postMessage({
        id: request.id,
        hits: [],
        engine: 'zxing-wasm',
        region: 'none',
        ms: performance.now() - started,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
};
