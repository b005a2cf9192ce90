import { useEffect, useState } from 'react';
import type { Enrollment, SyncMark } from '../../platform/data';
import { useData } from '../../platform/DataContext';
import { useEnrollmentVersion } from '../../platform/enrollment-version';
import { useObservable } from '../../platform/useObservable';

/**
 * Connects this tablet to the clinic's sync server with a one-time code from an admin, and lists
 * anything the server refused (those events stay on the tablet, flagged, for a manager to resolve).
 */
export function SyncCard() {
  const data = useData();
  const version = useEnrollmentVersion((s) => s.version);
  const bump = useEnrollmentVersion((s) => s.bump);
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('Treatment room tablet');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rejected = useObservable<SyncMark[]>(() => data.sync.watchRejected(), [], [data]);

  useEffect(() => {
    void data.sync.readEnrollment().then(setEnrollment);
  }, [data, version]);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await data.sync.enroll(
        { baseUrl: location.origin, token: null, fetch: (...a) => fetch(...a) },
        code,
        name.trim() || 'Tablet',
      );
      setCode('');
      bump();
    } catch (e) {
      // A SyncError is an Error: its message says why in plain words.
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" data-testid="sync-card">
      <h3>Sync with the clinic&apos;s server</h3>
      {enrollment ? (
        <>
          <p data-testid="sync-enrolled">
            Connected to {enrollment.baseUrl} as <strong>{enrollment.deviceName}</strong>.
          </p>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => void data.sync.forget().then(bump)}
          >
            Disconnect this tablet
          </button>
        </>
      ) : (
        <>
          <p>
            Ask an admin for a one-time enrollment code (Settings → Enroll another tablet, signed in as admin)
            or, on the server, <code>npm run server -- enroll-code --location &lt;location id&gt;</code>.
            Codes work once and expire after 24 hours.
          </p>
          <label className="field">
            <span>Enrollment code</span>
            <input
              data-testid="enroll-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
            />
          </label>
          <label className="field">
            <span>Name of this tablet</span>
            <input data-testid="enroll-name" value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          {error ? (
            <p role="alert" className="error" data-testid="enroll-error">
              {error}
            </p>
          ) : null}
          <button
            type="button"
            className="button"
            data-testid="enroll-submit"
            disabled={busy || !code.trim()}
            onClick={() => void submit()}
          >
            {busy ? 'Connecting…' : 'Connect'}
          </button>
        </>
      )}
      {rejected.length > 0 ? (
        <div className="card card--warn" data-testid="rejected-events">
          <p>{rejected.length} change(s) were refused by the server and stay on this tablet:</p>
          <ul>
            {rejected.map((r) => (
              <li key={r.eventId}>{r.reason}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
