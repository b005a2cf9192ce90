/**
 * What the header says about sync. Until the sync server connection lands, the honest answer is:
 * the network state, and how many events were recorded on this tablet and exist nowhere else.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { watchUnsyncedCount } from '../db/repositories/events';
import { useLocal } from './DatabaseContext';

interface SyncStatus {
  online: boolean;
  /** Events recorded here that no server has acknowledged; null until first counted. */
  unsynced: number | null;
  setOnline: (online: boolean) => void;
  setUnsynced: (count: number) => void;
}

export const useSyncStatus = create<SyncStatus>((set) => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  unsynced: null,
  setOnline: (online) => set({ online }),
  setUnsynced: (unsynced) => set({ unsynced }),
}));

/** Keeps the sync status store current; mounted once by the shell. */
export function useTrackSyncStatus(): void {
  const { db, deviceId } = useLocal();
  useEffect(() => {
    const { setOnline, setUnsynced } = useSyncStatus.getState();
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    const subscription = watchUnsyncedCount(db, deviceId).subscribe(setUnsynced);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
      subscription.unsubscribe();
    };
  }, [db, deviceId]);
}
