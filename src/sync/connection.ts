/**
 * Keeps the tablet connected when it can be, and quiet when it cannot: the live stream is closed
 * the moment the browser reports offline and reopened on `online` or when the app becomes visible,
 * each time with a pull (the server also sends RESYNC on every connect). Boot never waits for it.
 */
import type { ChairsideDatabase } from '../db/collections';
import { RECORD_KINDS } from '../domain/replica';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, streamTarget } from '../domain/sync/wire';
import type { ApiClient, SyncError } from './api';
import { eventsChannel } from './events-channel';
import { recordsChannel } from './records-channel';
import { startReplication, type Replication } from './replication';
import { readSse } from './sse';

export interface SyncListener {
  onLive: () => void;
  onOffline: () => void;
  onPulled: (info: { serverTime: string; receivedAtMs: number; count: number }) => void;
  onError: (error: SyncError) => void;
}

export interface RunningSync {
  /** The ledger's replication. */
  sync: Replication;
  /** One replication per kind of master data (RECORD_KINDS order). */
  records: Replication[];
  stop: () => Promise<void>;
}

const MAX_BACKOFF_MS = 30_000;

export function connect(
  db: ChairsideDatabase,
  client: ApiClient,
  ownDeviceId: string,
  listener: SyncListener,
  now: () => number,
): RunningSync {
  const sync = startReplication(db, eventsChannel(db, client, ownDeviceId), client.baseUrl, listener, now);
  const records = RECORD_KINDS.map((kind) =>
    startReplication(db, recordsChannel(db, client, kind, ownDeviceId, now), client.baseUrl, listener, now),
  );
  const resyncRecords = () => records.forEach((r) => r.resync());
  const resyncAll = () => {
    resyncRecords();
    sync.resync();
  };
  let controller: AbortController | null = null;
  let stopped = false;
  let backoff = 1_000;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  const isOnline = () => typeof navigator === 'undefined' || navigator.onLine;

  function openStream() {
    if (stopped || controller || !isOnline()) return;
    const current = new AbortController();
    controller = current;
    readSse({
      url: `${client.baseUrl}/api/v1/events/stream`,
      headers: {
        authorization: `Bearer ${client.token ?? ''}`,
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      },
      signal: current.signal,
      fetch: client.fetch,
      onMessage: (message) => {
        backoff = 1_000;
        listener.onLive();
        const target = streamTarget(message);
        if (target !== 'events') resyncRecords();
        if (target !== 'records') sync.resync();
      },
    })
      .catch(() => undefined)
      .finally(() => {
        if (controller === current) controller = null;
        if (stopped || current.signal.aborted) return;
        retryTimer = setTimeout(openStream, backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      });
  }

  function closeStream() {
    controller?.abort();
    controller = null;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  }

  const goOnline = () => {
    backoff = 1_000;
    openStream();
    resyncAll();
  };
  const goOffline = () => {
    closeStream();
    listener.onOffline();
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') goOnline();
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    document.addEventListener('visibilitychange', onVisible);
  }
  openStream();

  return {
    sync,
    records,
    stop: async () => {
      stopped = true;
      closeStream();
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', goOnline);
        window.removeEventListener('offline', goOffline);
        document.removeEventListener('visibilitychange', onVisible);
      }
      // Stopping never fails on what went wrong before (a write refused by a full disk inside
      // RxDB's replication, [S32]): every replication is stopped, whatever the others report.
      await Promise.allSettled([sync.stop(), ...records.map((r) => r.stop())]);
    },
  };
}
