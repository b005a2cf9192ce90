import { useRef, useState } from 'react';
import type { CameraFailure } from '../../scan/camera';
import type { ScanOutcome, ScanSource } from '../../scan/flow';
import { readToRaw } from '../../scan/protocol';
import { ManualEntry } from './ManualEntry';
import { useCamera } from './useCamera';
import { useScanFlow } from './useScanFlow';
import { useWedge } from './useWedge';

const FAILURE_TEXT: Record<CameraFailure, string> = {
  denied:
    'The camera is blocked for Chairside. Allow it in the browser’s site settings (the camera icon in the address bar, or Settings → Site settings → Camera) and reopen the scanner. You can type or paste the code below meanwhile.',
  unavailable: 'No camera is available. Type or paste the code below, or use a USB/Bluetooth scanner.',
  error: 'The camera could not start. Type or paste the code below, or use a USB/Bluetooth scanner.',
};

export interface ScannerProps {
  /**
   * Every accepted read — camera (de-duplicated), typed or wedge — after parsing, the pack flow
   * and the catalog match. What it means is the screen's business (Treat: pick the lot by FEFO).
   */
  onIdentified: (outcome: ScanOutcome) => void;
  onClose: () => void;
  heading?: string;
}

/**
 * The scanner every screen mounts (SPEC [SC1]-[SC6]): live camera with an aiming box and one
 * result line saying what was read, torch and tap-to-focus where supported, a mute toggle, manual
 * entry and keyboard-wedge scanners. The camera hands over the first (best) read of a frame.
 */
export function Scanner({ onIdentified, onClose, heading = 'Scan' }: ScannerProps) {
  const flow = useScanFlow();
  const video = useRef<HTMLVideoElement | null>(null);
  const [torch, setTorch] = useState(false);
  const { submit } = flow;
  const feed = (source: ScanSource) => (raw: string) => {
    const outcome = submit(raw, source);
    if (outcome) onIdentified(outcome);
  };
  const { state, session } = useCamera(video, (reads) => {
    const best = reads[0];
    if (best) feed('camera')(readToRaw(best));
  });
  useWedge(feed('wedge'));
  const last = flow.last;
  const bad = (last?.match?.flags.length ?? 0) > 0;
  const failed = state !== 'starting' && state !== 'scanning';

  return (
    <section className="card" data-testid="scan-panel">
      <div className="row">
        <h3>{heading}</h3>
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="scan-mute"
          aria-pressed={flow.muted}
          onClick={() => flow.setMuted(!flow.muted)}
        >
          {flow.muted ? 'Sound off' : 'Sound on'}
        </button>
        {session?.canTorch ? (
          <button
            type="button"
            className="button button--ghost button--small"
            aria-pressed={torch}
            onClick={() => {
              setTorch(!torch);
              void session.setTorch(!torch);
            }}
          >
            Torch
          </button>
        ) : null}
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="scan-close"
          onClick={onClose}
        >
          Close
        </button>
      </div>
      {failed ? (
        <p
          role="alert"
          className="error"
          data-testid={state === 'denied' ? 'camera-denied' : 'camera-unavailable'}
        >
          {FAILURE_TEXT[state]}
        </p>
      ) : (
        <div style={{ position: 'relative', maxWidth: 640 }}>
          <video
            ref={video}
            muted
            playsInline
            data-testid="scan-video"
            style={{ width: '100%', display: 'block', background: '#000' }}
            onClick={(e) => {
              const r = e.currentTarget.getBoundingClientRect();
              if (session?.canFocus)
                void session.focusAt((e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height);
            }}
          />
          {/* The aiming box marks the region decoded first (protocol.ts centreRegion). */}
          <div
            aria-hidden
            style={{
              position: 'absolute',
              left: '25%',
              top: '16.7%',
              width: '50%',
              height: '66.6%',
              border: '3px solid rgba(255,255,255,0.8)',
              borderRadius: 8,
              pointerEvents: 'none',
            }}
          />
          <p
            data-testid="scan-overlay"
            style={{
              position: 'absolute',
              bottom: 0,
              left: 0,
              right: 0,
              margin: 0,
              padding: '4px 8px',
              color: '#fff',
              background: bad ? 'rgba(185,28,28,0.9)' : 'rgba(15,23,42,0.75)',
            }}
          >
            {state === 'starting' ? 'Starting camera…' : overlayText(last)}
          </p>
        </div>
      )}
      <ManualEntry onText={feed('manual')} />
    </section>
  );
}

/** The one result line on the video: what the last read named, in plain words. */
function overlayText(last: ScanOutcome | null): string {
  if (!last) return 'Hold the code inside the box';
  if (!last.parsed.ok) return `Not a code we know: ${last.parsed.error.message}`;
  const id = last.identification;
  const name = last.match?.product?.name ?? (last.match?.unknownProduct ? 'Not in catalog' : '');
  const flags = last.match?.flags.length ? ` · ${last.match.flags.join(', ').toUpperCase()}` : '';
  return `${name} · lot ${id?.lot ?? '—'} · exp ${id?.expiry ?? '—'}${flags}`;
}

export default Scanner;
