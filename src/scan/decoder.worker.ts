/**
 * The barcode decoder, off the main thread (SPEC [SC1]). Receives camera frames (ImageBitmap,
 * transferred) or ImageData, decodes the region of interest first and the whole frame as a
 * fallback, and answers with up to `maxSymbols` reads, corners in frame pixels. Engine: the
 * platform's BarcodeDetector when it reads Data Matrix (Android Chrome, Safari), otherwise
 * zxing-wasm, whose .wasm is served from our origin (Vite `?url` asset, precached by the service
 * worker) so scanning works offline.
 */
import { prepareZXingModule } from 'zxing-wasm/reader';
import type { ReaderOptions } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { nativeDetector, nativeReads } from './native-read';
import type { DecodeRead, DecodeRequest, DecodeResponse, Region } from './protocol';
import { fastOptions, hardOptions, readPixels } from './zxing-read';

// Fetch and compile the wasm now (fireImmediately), while the camera is still starting.
void prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
  },
  fireImmediately: true,
});

/** Every HARD_EVERY-th frame without a read also tries harder on the centre region. */
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

const native = nativeDetector();

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

function wasmDecode(
  frame: ImageBitmap | ImageData,
  region: Region | null,
  options: ReaderOptions,
): Promise<DecodeRead[]> {
  const t0 = performance.now();
  const image = pixels(frame, region);
  pixelsMs += performance.now() - t0;
  return readPixels(image, options, region ?? undefined);
}

async function decode(request: DecodeRequest): Promise<Omit<DecodeResponse, 'id' | 'ms'>> {
  const max = Math.max(1, request.maxSymbols ?? 1);
  const detector = request.forceWasm ? null : await native;
  if (detector) {
    const reads = nativeReads(await detector.detect(request.frame), max);
    return { reads, engine: 'native', region: reads.length > 0 ? 'full' : 'none' };
  }
  if (request.roi) {
    const reads = await wasmDecode(request.frame, request.roi, fastOptions(max));
    if (reads.length > 0) {
      misses = 0;
      return { reads, engine: 'zxing-wasm', region: 'roi' };
    }
  }
  const reads = await wasmDecode(request.frame, null, fastOptions(max));
  if (reads.length > 0) {
    misses = 0;
    return { reads, engine: 'zxing-wasm', region: 'full' };
  }
  misses += 1;
  if (request.roi && misses % HARD_EVERY === 0) {
    const hard = await wasmDecode(request.frame, request.roi, hardOptions(max));
    if (hard.length > 0) return { reads: hard, engine: 'zxing-wasm', region: 'roi' };
  }
  return { reads, engine: 'zxing-wasm', region: 'none' };
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
        reads: [],
        engine: 'zxing-wasm',
        region: 'none',
        ms: performance.now() - started,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
};
