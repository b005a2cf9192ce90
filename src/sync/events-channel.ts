/**
 * The ledger as a replication channel ([S6], [S15], [S19]). Events are append-only, so it is simple:
 *
 * - push sends this tablet's own events; the server's answer is kept as sync marks —
 *   acknowledged, or refused with its reason (flagged, never dropped);
 * - a pulled page is stored through the ledger's append-and-fold path (dedup by id + materialized
 *   balances), written with RxDB's downstream flag so its push side never walks pulled events,
 *   and this tablet's own events coming back count as acknowledged (a push whose answer was lost).
 */
import type { ChairsideDatabase } from '../db/collections';
import { recordEvents } from '../db/repositories/balances';
import { fromEventDoc } from '../db/repositories/events';
import type { EventDoc } from '../db/schemas/ledger';
import type { LedgerEvent } from '../domain/model';
import type { ApiError, ForbiddenBody, Rejection, SequencedEvent } from '../domain/sync/wire';
import { pullEvents, pushEvents, type ApiClient, type SyncError } from './api';
import type { Channel } from './channel';
import { markRejected, settleAcknowledged } from '../db/repositories/syncmarks';

export const PULL_CHECKPOINT_KEY = 'eventsPullCheckpoint';
/** The server's largest page ([S6]): a fresh tablet's bootstrap is mostly pages of this size. */
export const PULL_PAGE = 1_000;

/** 403 names every refused event; 400 names the one invalid event. */
function refusedEvents(error: SyncError): Rejection[] {
  const body = error.body as Partial<ForbiddenBody & ApiError> | null;
  if (body?.rejected) return body.rejected;
  if (body?.eventId) return [{ id: body.eventId, reason: body.message ?? body.error ?? error.message }];
  return [];
}

export function eventsChannel(
  db: ChairsideDatabase,
  client: ApiClient,
  ownDeviceId: string,
): Channel<EventDoc, SequencedEvent> {
  return {
    name: 'events',
    collection: db.events,
    checkpointKey: PULL_CHECKPOINT_KEY,
    pullPageSize: PULL_PAGE,
    pushBatchSize: 200,
    pullPage: (checkpoint) => pullEvents(client, checkpoint, PULL_PAGE),
    storePage: async (documents, writeContext) => {
      const events: LedgerEvent[] = documents.map(({ seq: _seq, ...event }) => event);
      await recordEvents(db, events, writeContext);
      await settleAcknowledged(
        db,
        events.filter((e) => e.deviceId === ownDeviceId).map((e) => e.id),
      );
    },
    // Only this tablet's own unsent work is pushed; pulled and demo events are skipped.
    shouldPush: (doc) => doc.deviceId === ownDeviceId,
    pushBatch: async (docs) => {
      const result = await pushEvents(client, docs.map(fromEventDoc));
      await settleAcknowledged(db, [...result.accepted, ...result.duplicates]);
      await markRejected(
        db,
        result.conflicts.map((c) => ({ id: c.id, reason: `conflict: ${c.reason}` })),
      );
    },
    readRefusals: refusedEvents,
    markRefused: async (refused) => {
      await markRejected(db, refused);
      return { repull: false };
    },
  };
}
