import { useEffect, useRef } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useSyncStatus } from './sync-status';

/** How often an open tablet asks the server whether a new version is out. */
const UPDATE_CHECK_MS = 30 * 60 * 1000;

/**
 * "New version ready" prompt. Updating reloads the page, so it is refused while this tablet holds
 * work no server has yet (SPEC [PWA3]): staff update after sync, never mid-visit. Except when the
 * server refuses this version (426, [S3]): then the pending work can only sync after the update,
 * and it is safe in the local database across the reload, so the update is offered at once.
 */
export function UpdateBanner() {
  const unsynced = useSyncStatus((s) => s.unsynced ?? 0);
  const updateRequired = useSyncStatus((s) => s.connection === 'update_required');
  const registrationRef = useRef<ServiceWorkerRegistration | null>(null);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      registrationRef.current = registration;
      setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
  });
  // The server just said this version is too old: look for the new one now, not in 30 minutes.
  useEffect(() => {
    if (updateRequired) void registrationRef.current?.update().catch(() => undefined);
  }, [updateRequired]);
  if (!needRefresh) return null;
  const blocked = unsynced > 0 && !updateRequired;
  return (
    <div className="banner" role="status" data-testid="update-banner">
      <span>A new version of Chairside is ready.</span>
      {blocked ? (
        <span data-testid="update-blocked">
          {unsynced} change{unsynced === 1 ? '' : 's'} on this tablet not yet synced — update after they sync.
        </span>
      ) : null}
      {updateRequired && unsynced > 0 ? (
        <span data-testid="update-keeps-work">
          The clinic&apos;s server needs this update to sync. Your {unsynced} change
          {unsynced === 1 ? '' : 's'} stay on this tablet and sync after it.
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
