/**
 * Replicates the ledger with the sync server through RxDB's replication engine (retries, live
 * mode, one leader tab). Events are append-only, so the handlers are simple:
 *
 * - push sends this tablet's own events (RxDB tracks which it has sent); the server's answer is
 *   kept as sync marks — acknowledged, or refused with its reason (flagged, never dropped);
 * - pull pages through the server's sequence from our own stored checkpoint and stores what it gets
 *   through the ledger's append-and-fold path (dedup by id + materialized balances), so nothing is
 *   written twice (events-pull.ts). It hands RxDB no documents: the ledger write path stays ours,
 *   and what it writes is labelled so RxDB's push side never walks it (SPEC [S19]).
 * - the live stream (SSE) only says "something changed"; every message triggers a pull.
 */
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { combineLatest, filter, firstValueFrom, Subject } from 'rxjs';
import type { LedgerEvent } from '../domain/model';
import type { ChairsideDatabase } from '../db/collections';
import { APPEND_CONTEXT, fromEventDoc } from '../db/repositories/events';
import type { EventDoc } from '../db/schemas/ledger';
import { pushEvents, SyncError, type ApiClient } from './api';
import { PULL_PAGE, pullUntilCaughtUp, type SyncObserver } from './events-pull';
import { markRejected, settleAcknowledged } from './marks';

export type { SyncObserver } from './events-pull';

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

/** How every replication runs: live, retried after 5 s, only in the leader tab, from the start. */
export const LIVE_REPLICATION = {
  live: true,
  retryTime: 5_000,
  waitForLeadership: true,
  autoStart: true,
} as const;

export interface EventSync {
  state: RxReplicationState<EventDoc, unknown>;
  /** Ask for a pull now (stream message, coming back online). */
  resync: () => void;
  stop: () => Promise<void>;
}

/**
 * Resolves once RxDB's push side is idle — at start, once it has walked the ledger for unsent own
 * events — or the replication is cancelled. RxDB already holds back every stream-triggered pull
 * until then; the first pull after start is the one it does not hold back.
 */
function pushIdle(state: RxReplicationState<EventDoc, unknown>): Promise<unknown> {
  const internal = state.internalReplicationState;
  if (!internal) return Promise.resolve();
  return firstValueFrom(
    combineLatest([internal.events.active.up, internal.events.canceled]).pipe(
      filter(([active, canceled]) => !active || canceled),
    ),
  );
}

export function startEventSync(
  db: ChairsideDatabase,
  client: ApiClient,
  ownDeviceId: string,
  observer: SyncObserver,
  now: () => number,
): EventSync {
  const stream$ = new Subject<'RESYNC'>();
  let pulling = false;
  let pullAgain = false;
  let stopped = false;
  let forwarding = false;
  /**
   * Pulled events are appended under the flag RxDB gives its own downstream writes, so its push side
   * skips them: otherwise it reads each one back, runs it through the modifier (which drops it) and
   * stores a copy of it as "the server's state" in the replication's meta collection — about as much
   * work again as storing the event (decisions/2026-11-30_bootstrap-pull.md). The handler runs only
   * inside the started replication, so the flag exists by then.
   */
  const pulledContext = async () =>
    (await state.internalReplicationState?.downstreamBulkWriteFlag) ?? APPEND_CONTEXT;
  const state = replicateRxCollection<EventDoc, unknown>({
    replicationIdentifier: `chairside-events-${client.baseUrl}`,
    collection: db.events,
    ...LIVE_REPLICATION,
    pull: {
      batchSize: PULL_PAGE,
      stream$: stream$.asObservable(),
      /**
       * Pulls until the server has nothing newer, then once more for every resync asked meanwhile.
       * While it runs, resyncs stay here instead of reaching RxDB: a RESYNC also restarts RxDB's push
       * side from its own checkpoint, which would then walk every event the pull is writing. For the
       * same reason the first pull waits for the push side's first pass (see pushIdle).
       */
      handler: async () => {
        pulling = true;
        try {
          await pushIdle(state);
          const writeContext = await pulledContext();
          do {
            pullAgain = false;
            await reported(observer, () =>
              pullUntilCaughtUp(db, client, ownDeviceId, observer, now, {
                writeContext,
                stopped: () => stopped,
              }),
            );
          } while (pullAgain && !stopped);
        } finally {
          pulling = false;
        }
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
    /**
     * A resync during a pull is one more pass of that pull. Otherwise RESYNC goes to RxDB once its
     * push side is idle: RxDB also restarts the push side from its stored checkpoint on a RESYNC, and
     * only an idle push side has stored the checkpoint past every pulled page it was told about.
     */
    resync: () => {
      if (pulling) pullAgain = true;
      if (pulling || forwarding) return;
      forwarding = true;
      void pushIdle(state).then(() => {
        forwarding = false;
        if (pulling) pullAgain = true;
        else if (!stopped) stream$.next('RESYNC');
      });
    },
    stop: async () => {
      stopped = true;
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
