/**
 * The scanner bench page: decodes one 1280×720 camera frame (a Y plane the runner wrote next to
 * the page) through the app's decoder worker, and through @zxing/browser on the main thread as
 * the baseline. All timing happens here; bench/metrics/scan.ts reads the numbers.
 */
import { BarcodeFormat, BrowserMultiFormatReader } from '@zxing/browser';
import { FrameDecoder } from '../../src/scan/decoder';
import { centreRegion } from '../../src/scan/protocol';

let frame: ImageData | null = null;
let decoder: FrameDecoder | null = null;

function required(): ImageData {
  if (!frame) throw new Error('call loadFrame first');
  return frame;
}

export interface DecodeSamples {
  /** Inside the worker: frame to pixels + decode. */
  workerMs: number[];
  /** postMessage → answer, as the scan loop waits for it. */
  roundTripMs: number[];
  pixelsMs: number[];
  texts: string[];
  regions: string[];
}

export const scanBench = {
  /** Fetches the Y plane and expands it to RGBA. */
  async loadFrame(url: string, width: number, height: number): Promise<void> {
    const y = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const v = y[i] ?? 0;
      rgba[i * 4] = v;
      rgba[i * 4 + 1] = v;
      rgba[i * 4 + 2] = v;
      rgba[i * 4 + 3] = 255;
    }
    frame = new ImageData(rgba, width, height);
    decoder ??= new FrameDecoder();
  },

  /** The app's path: an ImageBitmap of the frame transferred to the worker, centre region first. */
  async decodeSamples(n: number): Promise<DecodeSamples> {
    const f = required();
    const out: DecodeSamples = { workerMs: [], roundTripMs: [], pixelsMs: [], texts: [], regions: [] };
    for (let i = 0; i < n; i++) {
      const bitmap = await createImageBitmap(f);
      const started = performance.now();
      const r = await (decoder as FrameDecoder).decode(bitmap, centreRegion(f.width, f.height), {
        forceWasm: true,
      });
      out.roundTripMs.push(performance.now() - started);
      out.workerMs.push(r.ms);
      out.pixelsMs.push(r.pixelsMs ?? 0);
      out.texts.push(r.reads[0]?.text ?? r.error ?? '');
      out.regions.push(r.region);
    }
    return out;
  },

  /** Baseline: @zxing/browser decodeFromCanvas, same frame, same symbologies, main thread. */
  baselineSamples(n: number): { ms: number[]; texts: string[] } {
    const f = required();
    const canvas = document.createElement('canvas');
    canvas.width = f.width;
    canvas.height = f.height;
    canvas.getContext('2d', { willReadFrequently: true })?.putImageData(f, 0, 0);
    const reader = new BrowserMultiFormatReader();
    reader.possibleFormats = [
      BarcodeFormat.DATA_MATRIX,
      BarcodeFormat.QR_CODE,
      BarcodeFormat.CODE_128,
      BarcodeFormat.EAN_13,
      BarcodeFormat.EAN_8,
      BarcodeFormat.UPC_A,
      BarcodeFormat.UPC_E,
      BarcodeFormat.CODE_39,
      BarcodeFormat.ITF,
    ];
    const ms: number[] = [];
    const texts: string[] = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      try {
        texts.push(reader.decodeFromCanvas(canvas).getText());
      } catch (e) {
        texts.push(`error: ${e instanceof Error ? e.name : String(e)}`);
      }
      ms.push(performance.now() - started);
    }
    return { ms, texts };
  },
};

export type ScanBench = typeof scanBench;
(window as unknown as { scanBench: ScanBench }).scanBench = scanBench;
document.documentElement.dataset.ready = 'true';
