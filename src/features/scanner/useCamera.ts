import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { CameraError, openCamera } from '../../scan/camera';
import type { CameraFailure, CameraSession } from '../../scan/camera';
import { FrameDecoder } from '../../scan/decoder';
import type { DecodeRead } from '../../scan/protocol';
import { runScanLoop } from '../../scan/scan-loop';

export type CameraState = 'starting' | 'scanning' | CameraFailure;

/**
 * Opens the camera into `video`, runs the worker decode loop and hands over the reads of every
 * frame that had any (best first; up to `maxSymbols`, default 1 = the code in the aiming box).
 * Stops the camera and the worker on unmount.
 */
export function useCamera(
  video: RefObject<HTMLVideoElement | null>,
  onReads: (reads: readonly DecodeRead[]) => void,
  maxSymbols = 1,
) {
  const [state, setState] = useState<CameraState>('starting');
  const [session, setSession] = useState<CameraSession | null>(null);
  const onReadsRef = useRef(onReads);
  useEffect(() => {
    onReadsRef.current = onReads;
  }, [onReads]);

  useEffect(() => {
    const abort = new AbortController();
    let cam: CameraSession | null = null;
    // Started before the camera, so the wasm compiles while the user answers the permission prompt.
    const decoder = new FrameDecoder();
    void (async () => {
      try {
        cam = await openCamera();
        if (abort.signal.aborted) return cam.stop();
        const el = video.current;
        if (!el) return;
        el.srcObject = cam.stream;
        await el.play();
        performance.mark('chairside:camera-started');
        setSession(cam);
        setState('scanning');
        await runScanLoop(
          el,
          decoder,
          (r) => {
            if (r.reads.length > 0) onReadsRef.current(r.reads);
          },
          abort.signal,
          { maxSymbols },
        );
      } catch (error) {
        if (!abort.signal.aborted) setState(error instanceof CameraError ? error.failure : 'error');
      }
    })();
    return () => {
      abort.abort();
      cam?.stop();
      decoder.terminate();
    };
  }, [video, maxSymbols]);
  return { state, session };
}
