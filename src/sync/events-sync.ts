/**
 * Replicates the ledger with the sync server through RxDB's replication engine (retries, live
 * mode, one leader tab). Events are append-only, so the handlers are simple:
 *
 * - push sends this tablet's own events (RxDB tracks which it has sent); the server's answer is
 *   kept as sync marks — acknowledged, or refused with its reason (flagged, never dropped);
 * - pull pages through the server's sequence from our own stored checkpoint and stores what it gets
 *   through `recordEvents` (dedup by id + materialized balances), so nothing is written twice.
 *   It hands RxDB no documents: the ledger write path stays ours.
 * - the live stream (SSE) only says "something changed"; every message triggers a pull.
 */
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { Subject } from 'rxjs';
import type { LedgerEvent } from '../domain/model';
import type { ChairsideDatabase } from '../db/collections';
import { recordEvents } from '../db/repositories/balances';
import { fromEventDoc } from '../db/repositories/events';
import { getSetting, putSetting } from '../db/repositories/settings';
import type { EventDoc } from '../db/schemas/ledger';
import { pullEvents, pushEvents, SyncError, type ApiClient, type Checkpoint } from './api';
import { markRejected, settleAcknowledged } from './marks';

export const PULL_CHECKPOINT_KEY = 'eventsPullCheckpoint';
const PULL_PAGE = 500;
const MAX_PAGES_PER_CYCLE = 50;

export interface SyncObserver {
  onPulled: (info: { serverTime: string; receivedAtMs: number; count: number }) => void;
  onError: (error: SyncError) => void;
}

export async function readCheckpoint(db: ChairsideDatabase): Promise<Checkpoint | null> {
  const raw = await getSetting(db, PULL_CHECKPOINT_KEY);
  if (typeof raw !== 'string') return null;
  return JSON.parse(raw) as Checkpoint;
}

/**
 * One pull cycle: pages until the server has nothing newer, or MAX_PAGES_PER_CYCLE pages (so other
 * replication work gets a turn); `more` says the cycle stopped on a full page and must continue.
 */
export async function pullOnce(
  db: ChairsideDatabase,
  client: ApiClient,
  ownDeviceId: string,
  observer: SyncObserver,
  now: () => number,
): Promise<{ count: number; more: boolean }> {
  let checkpoint = await readCheckpoint(db);
  let total = 0;
  for (let page = 0; page < MAX_PAGES_PER_CYCLE; page++) {
    const response = await pullEvents(client, checkpoint, PULL_PAGE);
    const events: LedgerEvent[] = response.documents.map(({ seq: _seq, ...event }) => event);
    await recordEvents(db, events);
    // Our own events coming back are acknowledged too (a push whose answer was lost).
    await settleAcknowledged(
      db,
      events.filter((e) => e.deviceId === ownDeviceId).map((e) => e.id),
    );
    checkpoint = response.checkpoint;
    await putSetting(db, PULL_CHECKPOINT_KEY, JSON.stringify(checkpoint));
    total += events.length;
    observer.onPulled({ serverTime: response.serverTime, receivedAtMs: now(), count: events.length });
    if (response.documents.length < PULL_PAGE) return { count: total, more: false };
  }
  return { count: total, more: true };
}

function refusedIds(error: SyncError): { id: string; reason: string }[] {
  const body = error.body as {
    rejected?: { id: string; reason: string }[];
    eventId?: string;
    error?: string;
  } | null;
  if (body?.rejected) return body.rejected;
  if (body?.eventId) return [{ id: body.eventId, reason: body.error ?? error.message }];
  return [];
}

/** Pushes a batch; events the server refuses are marked with its reason and the rest re-sent. */
export async function pushBatch(
  db: ChairsideDatabase,
  client: ApiClient,
  events: LedgerEvent[],
): Promise<void> {
  let pending = events;
  while (pending.length > 0) {
    try {
      const result = await pushEvents(client, pending);
      await settleAcknowledged(db, [...result.accepted, ...result.duplicates]);
      await markRejected(
        db,
        result.conflicts.map((c) => ({ id: c.id, reason: `conflict: ${c.reason}` })),
      );
      return;
    } catch (error) {
      if (!(error instanceof SyncError) || (error.kind !== 'forbidden' && error.kind !== 'bad_request'))
        throw error;
      const refused = refusedIds(error);
      if (refused.length === 0) throw error;
      await markRejected(db, refused);
      const refusedSet = new Set(refused.map((r) => r.id));
      pending = pending.filter((e) => !refusedSet.has(e.id));
    }
  }
}

export interface EventSync {
  state: RxReplicationState<EventDoc, unknown>;
  /** Ask for a pull now (stream message, coming back online). */
  resync: () => void;
  stop: () => Promise<void>;
}

export function startEventSync(
  db: ChairsideDatabase,
  client: ApiClient,
  ownDeviceId: string,
  observer: SyncObserver,
  now: () => number,
): EventSync {
  const stream$ = new Subject<'RESYNC'>();
  const state = replicateRxCollection<EventDoc, unknown>({
    replicationIdentifier: `chairside-events-${client.baseUrl}`,
    collection: db.events,
    live: true,
    retryTime: 5_000,
    waitForLeadership: true,
    autoStart: true,
    pull: {
      batchSize: PULL_PAGE,
      stream$: stream$.asObservable(),
      handler: async () => {
        const { more } = await reported(observer, () => pullOnce(db, client, ownDeviceId, observer, now));
        // A bootstrap larger than one cycle continues at once instead of waiting for the stream.
        if (more) queueMicrotask(() => stream$.next('RESYNC'));
        return { documents: [], checkpoint: null };
      },
    },
    push: {
      batchSize: 200,
      // Only this tablet's own unsent work is pushed; pulled and demo events are skipped.
      modifier: (doc) => (doc.deviceId === ownDeviceId ? doc : null),
      handler: async (rows) => {
        const events = rows.map((r) => fromEventDoc(stripDeleted(r.newDocumentState)));
        await reported(observer, () => pushBatch(db, client, events));
        return [];
      },
    },
  });
  // Handler failures are reported by `reported`; RxDB retries them after retryTime.
  state.error$.subscribe(() => undefined);
  return {
    state,
    resync: () => stream$.next('RESYNC'),
    stop: async () => {
      stream$.complete();
      await state.cancel();
    },
  };
}

/** Tells the UI why a sync step failed (in plain words), then lets RxDB retry it. */
export async function reported<T>(observer: SyncObserver, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    observer.onError(
      error instanceof SyncError
        ? error
        : new SyncError('server', error instanceof Error ? error.message : String(error)),
    );
    throw error;
  }
}

export function stripDeleted<T>(doc: T & { _deleted?: boolean }): T {
  const { _deleted: _ignored, ...rest } = doc;
  return rest as T;
}
