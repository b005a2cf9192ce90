import { useEffect, useState } from 'react';
import type { Enrollment, SyncMark } from '../../platform/data';
import { useData } from '../../platform/DataContext';
import { useEnrollmentVersion } from '../../platform/enrollment-version';
import { useObservable } from '../../platform/useObservable';
import { EnrollForm } from './EnrollForm';
import { useTabletSetup } from './useTabletSetup';

/**
 * Connects this tablet to the clinic's sync server with a one-time code from an admin, and lists
 * anything the server refused (those events stay on the tablet, flagged, for a manager to resolve).
 * Connecting and disconnecting are for managers and admins, or anyone on a first run ([R4]).
 */
export function SyncCard() {
  const data = useData();
  const version = useEnrollmentVersion((s) => s.version);
  const bump = useEnrollmentVersion((s) => s.bump);
  const setup = useTabletSetup();
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const rejected = useObservable<SyncMark[]>(() => data.sync.watchRejected(), [], [data]);

  useEffect(() => {
    void data.sync.readEnrollment().then(setEnrollment);
  }, [data, version]);

  return (
    <section className="card" data-testid="sync-card">
      <h3>Sync with the clinic&apos;s server</h3>
      {enrollment ? (
        <>
          <p data-testid="sync-enrolled">
            Connected to {enrollment.baseUrl} as <strong>{enrollment.deviceName}</strong>.
          </p>
          {setup.allowed ? (
            <button
              type="button"
              className="button button--ghost"
              onClick={() => void data.sync.forget().then(bump)}
            >
              Disconnect this tablet
            </button>
          ) : null}
        </>
      ) : setup.allowed ? (
        <>
          <p>
            Ask an admin for a one-time enrollment code (Settings → Enroll another tablet, signed in as admin)
            or, on the server, <code>npm run server -- enroll-code --location &lt;location id&gt;</code>.
            Codes work once and expire after 24 hours.
          </p>
          <EnrollForm />
        </>
      ) : (
        <p data-testid="sync-not-enrolled">Not connected to the clinic&apos;s server.</p>
      )}
      {!setup.allowed && !setup.loading ? <SetupLocked /> : null}
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

/** Why the setup actions are missing, and who can do them ([R4]). */
export function SetupLocked() {
  return (
    <p className="muted" data-testid="setup-locked">
      Connecting or disconnecting this tablet and loading the demo clinic are for managers and admins: ask one
      to sign in.
    </p>
  );
}
