import { useSession } from '../platform/session';
import { CLOCK_SKEW_WARNING_MS, useSyncStatus } from './sync-status';

/** Always visible: the sync state stated plainly, never a silent failure (SPEC [PWA4]). */
const CONNECTION_TEXT = {
  not_enrolled: 'Not connected to a sync server',
  connecting: 'Connecting…',
  live: 'Synced live',
  offline: 'Offline — working locally',
  error: 'Sync problem',
  update_required: 'Update available — sync paused',
} as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What exists only on this tablet, counted as records: each ledger entry (a draw that opens a vial
 * is two: the opening and the draw) and each edited visit, lot or product. The word is "records",
 * not "changes", so one draw is not read as two things done (issue #10 §6).
 * Example: (3 unsynced, 1 of them a record edit) → "3 records only on this tablet".
 */
export function unsyncedText(unsynced: number | null): string {
  if (unsynced === null) return 'counting…';
  return `${plural(unsynced, 'record')} only on this tablet`;
}

/** Always visible: the sync state stated plainly, never a silent failure (SPEC [PWA4]). */
export function Header() {
  const { online, unsynced, connection, message, clockSkewMs } = useSyncStatus();
  const state = online ? connection : 'offline';
  const pending = unsyncedText(unsynced);
  const skewed = clockSkewMs !== null && Math.abs(clockSkewMs) > CLOCK_SKEW_WARNING_MS;
  return (
    <header className="header">
      <h1 className="brand">Chairside</h1>
      <SignedIn />
      <div className="header__status">
        <p className={`sync sync--${state}`} data-testid="sync-status" aria-live="polite">
          <span className="sync__dot" aria-hidden="true" />
          {CONNECTION_TEXT[state]} · {pending}
        </p>
        {(state === 'error' || state === 'update_required') && message ? (
          <p className="sync__message" role="alert" data-testid="sync-error">
            {message}
          </p>
        ) : null}
        {skewed ? (
          <p className="sync__message" role="alert" data-testid="clock-skew">
            This tablet&apos;s clock is {Math.round(Math.abs(clockSkewMs) / 60_000)} min off the server&apos;s
            — fix the date and time in the tablet&apos;s settings.
          </p>
        ) : null}
      </div>
    </header>
  );
}

function SignedIn() {
  const staff = useSession((s) => s.staff);
  const signOut = useSession((s) => s.signOut);
  if (!staff) return null;
  return (
    <p className="signed-in">
      <span data-testid="signed-in-as">{staff.name}</span>
      <button
        type="button"
        className="button button--ghost button--small"
        data-testid="switch-staff"
        onClick={signOut}
      >
        Switch
      </button>
    </p>
  );
}
