/**
 * The frame loop: one frame in flight at a time. Each new video frame is grabbed with
 * createImageBitmap (an asynchronous GPU-side copy, no pixel work on the main thread) and
 * transferred to the worker with the centre region to try first. While the worker decodes, new
 * frames are skipped, so a slow tablet reads fewer frames rather than queueing them.
 */
import type { FrameDecoder } from './decoder';
import { centreRegion } from './protocol';
import type { DecodeResponse } from './protocol';

type VideoWithFrameCallback = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: () => void) => number;
};

function nextFrame(video: VideoWithFrameCallback): Promise<void> {
  return new Promise((resolve) => {
    if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(() => resolve());
    else requestAnimationFrame(() => resolve());
  });
}

/** Runs until `signal` aborts; calls `onResult` for every decoded frame. */
export async function runScanLoop(
  video: HTMLVideoElement,
  decoder: FrameDecoder,
  onResult: (r: DecodeResponse) => void,
  signal: AbortSignal,
): Promise<void> {
  while (!signal.aborted) {
    await nextFrame(video);
    if (signal.aborted) return;
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) continue;
    const bitmap = await createImageBitmap(video);
    if (signal.aborted) {
      bitmap.close();
      return;
    }
    const result = await decoder.decode(bitmap, centreRegion(bitmap.width, bitmap.height));
    if (!signal.aborted) onResult(result);
  }
}
