/**
 * The camera: rear-facing by default, torch and tap-to-focus where the track supports them
 * (SPEC [SC1]). Everything here is feature-detected; a tablet without a torch simply has no
 * torch button.
 */

/** Capabilities and constraints Chrome supports but TypeScript's DOM lib does not declare. */
interface ExtendedCapabilities extends MediaTrackCapabilities {
  torch?: boolean;
  focusMode?: string[];
  pointsOfInterest?: unknown;
}

export type CameraFailure = 'denied' | 'unavailable' | 'error';

export interface CameraSession {
  readonly stream: MediaStream;
  readonly track: MediaStreamTrack;
  readonly canTorch: boolean;
  readonly canFocus: boolean;
  setTorch(on: boolean): Promise<void>;
  /** Focus on a point of the frame, x and y in 0..1. */
  focusAt(x: number, y: number): Promise<void>;
  stop(): void;
}

export class CameraError extends Error {
  constructor(
    readonly failure: CameraFailure,
    message: string,
  ) {
    super(message);
  }
}

function classify(error: unknown): CameraError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return new CameraError('denied', 'Camera permission was denied.');
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError')
    return new CameraError('unavailable', 'No usable camera was found (or another app is using it).');
  return new CameraError('error', error instanceof Error ? error.message : String(error));
}

export async function openCamera(): Promise<CameraSession> {
  if (!navigator.mediaDevices?.getUserMedia)
    throw new CameraError('unavailable', 'This browser cannot use a camera here (HTTPS needed).');
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
    });
  } catch (error) {
    throw classify(error);
  }
  const track = stream.getVideoTracks()[0];
  if (!track) throw new CameraError('unavailable', 'The camera gave no video.');
  const caps: ExtendedCapabilities = track.getCapabilities?.() ?? {};
  const canFocus = Array.isArray(caps.focusMode) && caps.focusMode.includes('single-shot');
  // The constraint objects below use Chrome's image-capture extensions (torch, pointsOfInterest).
  const apply = (advanced: Record<string, unknown>) =>
    track.applyConstraints({ advanced: [advanced as MediaTrackConstraintSet] });
  return {
    stream,
    track,
    canTorch: caps.torch === true,
    canFocus,
    setTorch: (on) => apply({ torch: on }),
    focusAt: (x, y) =>
      apply({
        focusMode: 'single-shot',
        ...(caps.pointsOfInterest !== undefined && { pointsOfInterest: [{ x, y }] }),
      }),
    stop: () => stream.getTracks().forEach((t) => t.stop()),
  };
}
