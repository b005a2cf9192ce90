/**
 * The frame loop: one frame in flight at a time. Each new video frame is grabbed with
 * createImageBitmap (an asynchronous GPU-side copy, no pixel work on the main thread) and
 * transferred to the worker with the centre region to try first. While the worker decodes, new
 * frames are skipped, so a slow tablet reads fewer frames rather than queueing them.
 */
import type { DecodeOptions, FrameDecoder } from './decoder';
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

/**
 * Runs until `signal` aborts; calls `onResult` for every decoded frame. With `maxSymbols` 1 (the
 * default) the centre region is tried first; asking for more reads the whole frame, since every
 * symbol in view is wanted, not the one in the aiming box.
 */
export async function runScanLoop(
  video: HTMLVideoElement,
  decoder: FrameDecoder,
  onResult: (r: DecodeResponse) => void,
  signal: AbortSignal,
  options: DecodeOptions = {},
): Promise<void> {
  const whole = (options.maxSymbols ?? 1) > 1;
  while (!signal.aborted) {
    await nextFrame(video);
    if (signal.aborted) return;
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) continue;
    const bitmap = await createImageBitmap(video);
    if (signal.aborted) {
      bitmap.close();
      return;
    }
    const roi = whole ? null : centreRegion(bitmap.width, bitmap.height);
    const result = await decoder.decode(bitmap, roi, options);
    if (!signal.aborted) onResult(result);
  }
}
