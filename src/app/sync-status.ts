/**
 * What the header says about sync, stated plainly (SPEC [PWA4]): the network, the connection to the
 * clinic's server, how many changes exist only on this tablet, refusals and clock skew.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { watchUnsyncedCount, type UnsyncedCount } from '../db/repositories/unsynced';
import { useLocal } from './DatabaseContext';

/** `update_required`: the server refused this app version (426, SPEC [S3]); sync waits for the update. */
export type Connection = 'not_enrolled' | 'connecting' | 'live' | 'offline' | 'error' | 'update_required';

/** Beyond this, device and server clocks disagree enough to warn (SPEC [S9]). */
export const CLOCK_SKEW_WARNING_MS = 5 * 60 * 1000;

interface SyncStatus {
  online: boolean;
  /**
   * Changes that exist only on this tablet — events and record edits no server has acknowledged
   * (repositories/unsynced.ts); null until first counted.
   */
  unsynced: number | null;
  /** How many of `unsynced` are edits of master-data records (lots, products, visits…). */
  unsyncedRecords: number;
  connection: Connection;
  /** Plain-words reason for the last failure (401, 426, 403, server down…). */
  message: string | null;
  lastPulledAtMs: number | null;
  /** device clock − server clock, from the last pull. */
  clockSkewMs: number | null;
  setOnline: (online: boolean) => void;
  setUnsynced: (count: UnsyncedCount) => void;
  setConnection: (connection: Connection, message?: string | null) => void;
  notePull: (serverTime: string, receivedAtMs: number) => void;
}

export const useSyncStatus = create<SyncStatus>((set) => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  unsynced: null,
  unsyncedRecords: 0,
  connection: 'not_enrolled',
  message: null,
  lastPulledAtMs: null,
  clockSkewMs: null,
  setOnline: (online) => set({ online }),
  setUnsynced: ({ events, records }) => set({ unsynced: events + records, unsyncedRecords: records }),
  setConnection: (connection, message = null) => set({ connection, message }),
  notePull: (serverTime, receivedAtMs) =>
    set({
      connection: 'live',
      message: null,
      lastPulledAtMs: receivedAtMs,
      clockSkewMs: receivedAtMs - Date.parse(serverTime),
    }),
}));

/** Keeps the network and pending-count parts of the store current; mounted once by the shell. */
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
