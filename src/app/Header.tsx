import { useSession } from './session';
import { useSyncStatus } from './sync-status';

/** Always visible: the sync state stated plainly, never a silent failure (SPEC [PWA4]). */
export function Header() {
  const online = useSyncStatus((s) => s.online);
  const unsynced = useSyncStatus((s) => s.unsynced);
  const pending =
    unsynced === null ? 'counting…' : `${unsynced} change${unsynced === 1 ? '' : 's'} only on this tablet`;
  return (
    <header className="header">
      <h1 className="brand">Chairside</h1>
      <SignedIn />
      <p
        className={`sync sync--${online ? 'online' : 'offline'}`}
        data-testid="sync-status"
        aria-live="polite"
      >
        <span className="sync__dot" aria-hidden="true" />
        {online ? 'Online' : 'Offline — working locally'} · {pending}
      </p>
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
