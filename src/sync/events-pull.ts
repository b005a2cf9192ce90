/**
 * The ledger pull ([S6], [S19]): pages through the server's sequence from the tablet's own stored
 * checkpoint and stores each page through the ledger's append-and-fold path. Runs inside the events
 * replication's pull handler (events-sync.ts), which hands RxDB no documents.
 */
import type { LedgerEvent } from '../domain/model';
import type { ChairsideDatabase } from '../db/collections';
import { recordEvents } from '../db/repositories/balances';
import { getSetting, putSetting } from '../db/repositories/settings';
import type { Checkpoint, EventPullResponse } from '../domain/sync/wire';
import { pullEvents, type ApiClient, type SyncError } from './api';
import { settleAcknowledged } from './marks';

export const PULL_CHECKPOINT_KEY = 'eventsPullCheckpoint';
/** The server's largest page ([S6]): a fresh tablet's bootstrap is mostly pages of this size. */
export const PULL_PAGE = 1_000;

export interface SyncObserver {
  onPulled: (info: { serverTime: string; receivedAtMs: number; count: number }) => void;
  onError: (error: SyncError) => void;
}

export interface PullOptions {
  /** Labels the appends in RxDB's change events (events-sync.ts passes its downstream flag). */
  writeContext: string;
  /** Checked between pages: a stopped sync stores nothing more. */
  stopped: () => boolean;
}

export async function readCheckpoint(db: ChairsideDatabase): Promise<Checkpoint | null> {
  const raw = await getSetting(db, PULL_CHECKPOINT_KEY);
  if (typeof raw !== 'string') return null;
  return JSON.parse(raw) as Checkpoint;
}

/** Stores one page: append + one fold, own events acknowledged, then the checkpoint after it. */
async function storePage(
  db: ChairsideDatabase,
  response: EventPullResponse,
  ownDeviceId: string,
  writeContext: string,
): Promise<number> {
  const events: LedgerEvent[] = response.documents.map(({ seq: _seq, ...event }) => event);
  await recordEvents(db, events, writeContext);
  // Our own events coming back are acknowledged too (a push whose answer was lost).
  await settleAcknowledged(
    db,
    events.filter((e) => e.deviceId === ownDeviceId).map((e) => e.id),
  );
  await putSetting(db, PULL_CHECKPOINT_KEY, JSON.stringify(response.checkpoint));
  return events.length;
}

/**
 * Pages until the server has nothing newer (a page shorter than PULL_PAGE) or the sync stops.
 * While a full page is being stored the next one is already on its way: it starts from that page's
 * checkpoint, which is stored only once the page is, so at most two pages are held at a time and a
 * failure anywhere leaves the stored checkpoint at the last page fully stored.
 */
export async function pullUntilCaughtUp(
  db: ChairsideDatabase,
  client: ApiClient,
  ownDeviceId: string,
  observer: SyncObserver,
  now: () => number,
  options: PullOptions,
): Promise<number> {
  let next = pullEvents(client, await readCheckpoint(db), PULL_PAGE);
  let total = 0;
  for (;;) {
    const response = await next;
    const full = response.documents.length >= PULL_PAGE;
    if (full) {
      next = pullEvents(client, response.checkpoint, PULL_PAGE);
      // Its failure surfaces when it is awaited; if the loop ends first it is dropped unread.
      next.catch(() => undefined);
    }
    if (options.stopped()) return total;
    const count = await storePage(db, response, ownDeviceId, options.writeContext);
    total += count;
    observer.onPulled({ serverTime: response.serverTime, receivedAtMs: now(), count });
    if (!full) return total;
  }
}
