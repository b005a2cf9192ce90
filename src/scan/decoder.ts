/**
 * Main-thread handle on the decoder worker. The worker (and with it zxing-wasm and its .wasm)
 * is only fetched when a scanner opens, so none of it is in the initial bundle. One request at a
 * time per frame; frames are transferred, never copied on the main thread.
 */
import type { DecodeRequest, DecodeResponse, Region } from './protocol';

export type DecodeOptions = Pick<DecodeRequest, 'maxSymbols' | 'forceWasm'>;

export class FrameDecoder {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (r: DecodeResponse) => void>();

  constructor() {
    this.worker = new Worker(new URL('./decoder.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<DecodeResponse>) => {
      const resolve = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      resolve?.(event.data);
    };
  }

  /**
   * Decodes one frame (ownership of an ImageBitmap or the ImageData's buffer moves to the worker)
   * into up to `maxSymbols` reads (default 1, the aiming box's code).
   */
  decode(
    frame: ImageBitmap | ImageData,
    roi: Region | null,
    options: DecodeOptions = {},
  ): Promise<DecodeResponse> {
    const id = this.nextId++;
    const request: DecodeRequest = { id, frame, roi, ...options };
    const transfer: Transferable[] = frame instanceof ImageData ? [frame.data.buffer] : [frame];
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage(request, transfer);
    });
  }

  terminate(): void {
    this.worker.terminate();
    for (const resolve of this.pending.values())
      resolve({ id: 0, reads: [], ms: 0, engine: 'zxing-wasm', region: 'none', error: 'stopped' });
    this.pending.clear();
  }
}
