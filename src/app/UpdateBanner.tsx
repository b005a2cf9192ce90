import { useRegisterSW } from 'virtual:pwa-register/react';
import { useSyncStatus } from './sync-status';

/** How often an open tablet asks the server whether a new version is out. */
const UPDATE_CHECK_MS = 30 * 60 * 1000;

/**
 * "New version ready" prompt. Updating reloads the page, so it is refused while this tablet holds
 * work no server has yet (SPEC [PWA3]): staff update after sync, never mid-visit.
 */
export function UpdateBanner() {
  const unsynced = useSyncStatus((s) => s.unsynced ?? 0);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
  });
  if (!needRefresh) return null;
  const blocked = unsynced > 0;
  return (
    <div className="banner" role="status" data-testid="update-banner">
      <span>A new version of Chairside is ready.</span>
      {blocked ? (
        <span data-testid="update-blocked">
          {unsynced} change{unsynced === 1 ? '' : 's'} on this tablet not yet synced — update after they sync.
        </span>
      ) : null}
      <button
        type="button"
        className="button"
        disabled={blocked}
        onClick={() => void updateServiceWorker(true)}
      >
        Update now
      </button>
      <button type="button" className="button button--ghost" onClick={() => setNeedRefresh(false)}>
        Later
      </button>
    </div>
  );
}
