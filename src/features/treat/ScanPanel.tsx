import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { CameraError, openCamera } from '../../scan/camera';
import type { CameraFailure, CameraSession } from '../../scan/camera';
import { FrameDecoder } from '../../scan/decoder';
import type { ScanOutcome } from '../../scan/flow';
import { hitToRaw } from '../../scan/protocol';
import { runScanLoop } from '../../scan/scan-loop';
import { useScanFlow } from '../../scan/useScanFlow';
import type { ScanFlow } from '../../scan/useScanFlow';
import { EMPTY_WEDGE, wedgeKey } from '../../scan/wedge';

type CameraState = 'starting' | 'scanning' | CameraFailure;

const FAILURE_TEXT: Record<CameraFailure, string> = {
  denied:
    'The camera is blocked for Chairside. Allow it in the browser’s site settings (the camera icon in the address bar, or Settings → Site settings → Camera) and reopen the scanner. You can type or paste the code below meanwhile.',
  unavailable: 'No camera is available. Type or paste the code below, or use a USB/Bluetooth scanner.',
  error: 'The camera could not start. Type or paste the code below, or use a USB/Bluetooth scanner.',
};

/** Opens the camera, runs the worker decode loop, and reports decoded text. */
function useCamera(video: React.RefObject<HTMLVideoElement | null>, onText: (text: string) => void) {
  const [state, setState] = useState<CameraState>('starting');
  const [session, setSession] = useState<CameraSession | null>(null);
  const onTextRef = useRef(onText);
  useEffect(() => {
    onTextRef.current = onText;
  }, [onText]);

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
          (r) => r.hits.forEach((h) => onTextRef.current(hitToRaw(h))),
          abort.signal,
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
  }, [video]);
  return { state, session };
}

/** Keyboard-wedge scanners typing while focus is outside a text field (SPEC [SC6]). */
function useWedge(onText: (text: string) => void) {
  const state = useRef(EMPTY_WEDGE);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) return;
      const r = wedgeKey(state.current, e.key, e.timeStamp);
      state.current = r.state;
      if (r.scanned !== null) onText(r.scanned);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onText]);
}

function ManualEntry({ flow, onScanned }: { flow: ScanFlow; onScanned: (o: ScanOutcome) => void }) {
  const [text, setText] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    const outcome = flow.submit(text.trim(), 'manual');
    if (outcome) onScanned(outcome);
    setText('');
  }
  return (
    <form className="row" onSubmit={submit}>
      <label className="field">
        <span>Type, paste or scan into this field</span>
        <input
          data-testid="scan-manual-input"
          autoComplete="off"
          spellCheck={false}
          placeholder="(01)…(17)…(10)…, a GS1 link, or the raw code"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" className="button" data-testid="scan-manual-submit">
        Use code
      </button>
    </form>
  );
}

/**
 * The scanner panel (SPEC [SC1]-[SC6]): live camera with an aiming box and what was read,
 * torch and tap-to-focus where supported, a mute toggle, manual entry and wedge scanners.
 */
export function ScanPanel({
  onScanned,
  onClose,
}: {
  onScanned: (o: ScanOutcome) => void;
  onClose: () => void;
}) {
  const flow = useScanFlow();
  const video = useRef<HTMLVideoElement | null>(null);
  const [torch, setTorch] = useState(false);
  const { submit } = flow;
  const { state, session } = useCamera(video, (raw) => {
    const outcome = submit(raw, 'camera');
    if (outcome) onScanned(outcome);
  });
  useWedge((raw) => {
    const outcome = submit(raw, 'wedge');
    if (outcome) onScanned(outcome);
  });
  const last = flow.last;
  const bad = (last?.match?.flags.length ?? 0) > 0;
  const failed = state !== 'starting' && state !== 'scanning';

  return (
    <section className="card" data-testid="scan-panel">
      <div className="row">
        <h3>Scan</h3>
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
      <ManualEntry flow={flow} onScanned={onScanned} />
    </section>
  );
}

function overlayText(last: ScanOutcome | null): string {
  if (!last) return 'Hold the code inside the box';
  if (!last.parsed.ok) return `Not a code we know: ${last.parsed.error.message}`;
  const id = last.identification;
  const name = last.match?.product?.name ?? (last.match?.unknownProduct ? 'Not in catalog' : '');
  const flags = last.match?.flags.length ? ` · ${last.match.flags.join(', ').toUpperCase()}` : '';
  return `${name} · lot ${id?.lot ?? '—'} · exp ${id?.expiry ?? '—'}${flags}`;
}

export default ScanPanel;
