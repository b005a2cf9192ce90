/**
 * Storage-level access for the balance fold (SPEC [L10], [L11]): the ledger's insert stream, the
 * events stored after a cursor, and the persisted snapshot. The only file of the balance code that
 * reaches RxDB's storage instances, so the two users (the live state and the snapshot writer) read
 * the ledger the same way.
 */
import { getChangedDocumentsSince, type RxDocumentData, type RxStorageBulkWriteResponse } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { ChairsideDatabase } from '../collections';
import type { EventDoc } from '../schemas/ledger';
import { CHECKPOINT_KEY, type FoldCursor, type LotBalanceDoc } from '../schemas/treatment';

export type StoredEvent = RxDocumentData<EventDoc>;
export type StoredBalance = RxDocumentData<LotBalanceDoc>;
export type BalanceWriteRow = { previous?: StoredBalance; document: StoredBalance };

/** How the snapshot writer's writes show in RxDB's change events. */
export const SNAPSHOT_WRITE_CONTEXT = 'chairside-balance-snapshot';

/** Where a stored event sits in the ledger's storage order. */
export function cursorOf(e: StoredEvent): FoldCursor {
  return { lwt: e._meta.lwt, id: e.id };
}

/** True when `position` comes after `cursor` (every position comes after no cursor). */
export function isAfter(position: FoldCursor, cursor: FoldCursor | null | undefined): boolean {
  if (!cursor) return true;
  return position.lwt > cursor.lwt || (position.lwt === cursor.lwt && position.id > cursor.id);
}

/** The later of two cursors. */
export function laterCursor(
  a: FoldCursor | null | undefined,
  b: FoldCursor | null | undefined,
): FoldCursor | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return isAfter(b, a) ? b : a;
}

/**
 * Calls `onEvents` with the events of every insert into the ledger: this tab's (synchronously,
 * before its write resolves), other tabs' (RxDB's multi-instance channel) and sync pulls. Events
 * are only ever inserted, and each id once, so every event arrives here exactly once per tab.
 */
export function watchInsertedEvents(
  db: ChairsideDatabase,
  onEvents: (events: StoredEvent[]) => void,
): Subscription {
  return db.events.storageInstance.changeStream().subscribe((bulk) => {
    const inserted: StoredEvent[] = [];
    for (const change of bulk.events) if (change.operation === 'INSERT') inserted.push(change.documentData);
    if (inserted.length > 0) onEvents(inserted);
  });
}

/** Calls `onWritten` with every balance document state stored (any tab, any writer). */
export function watchStoredBalances(
  db: ChairsideDatabase,
  onWritten: (docs: StoredBalance[]) => void,
): Subscription {
  return db.balances.storageInstance.changeStream().subscribe((bulk) => {
    onWritten(bulk.events.map((change) => change.documentData));
  });
}

export const TAIL_PAGE_SIZE = 2000;

/**
 * The events stored after `cursor`, oldest first, a page at a time (RxDB's `[_meta.lwt, id]`
 * index): the cost is proportional to the tail, never to the ledger.
 */
export async function* eventsAfter(
  db: ChairsideDatabase,
  cursor: FoldCursor | null,
  pageSize = TAIL_PAGE_SIZE,
): AsyncGenerator<StoredEvent[]> {
  let since = cursor ?? undefined;
  for (;;) {
    const page = await getChangedDocumentsSince(db.events.storageInstance, pageSize, since);
    if (page.documents.length > 0) yield page.documents;
    if (page.documents.length < pageSize) return;
    since = page.checkpoint;
  }
}

export interface StoredSnapshot {
  /** Balance documents by key (deleted ones left out). */
  docs: Map<string, StoredBalance>;
  /** The checkpoint document, absent before the first snapshot write. */
  checkpoint: StoredBalance | undefined;
}

/** The persisted snapshot: a few thousand small documents, read at the storage level. */
export async function loadSnapshot(db: ChairsideDatabase): Promise<StoredSnapshot> {
  const docs = new Map<string, StoredBalance>();
  let checkpoint: StoredBalance | undefined;
  let since: FoldCursor | undefined;
  for (;;) {
    const page = await getChangedDocumentsSince(db.balances.storageInstance, TAIL_PAGE_SIZE, since);
    for (const doc of page.documents) {
      if (doc._deleted) continue;
      if (doc.key === CHECKPOINT_KEY) checkpoint = doc;
      else docs.set(doc.key, doc);
    }
    if (page.documents.length < TAIL_PAGE_SIZE) return { docs, checkpoint };
    since = page.checkpoint;
  }
}

/** Stored states of some balance keys (deleted ones included: they are a re-insert's `previous`). */
export async function findStoredBalances(db: ChairsideDatabase, keys: string[]): Promise<StoredBalance[]> {
  return keys.length === 0 ? [] : db.balances.storageInstance.findDocumentsById(keys, true);
}

/** One storage write of snapshot rows (one IndexedDB transaction on the balances store). */
export function writeSnapshotRows(
  db: ChairsideDatabase,
  rows: BalanceWriteRow[],
): Promise<RxStorageBulkWriteResponse<LotBalanceDoc>> {
  return db.balances.storageInstance.bulkWrite(rows, SNAPSHOT_WRITE_CONTEXT);
}

/** The number of events stored (an indexed count; used only by the idle audit, never at boot). */
export async function countStoredEvents(db: ChairsideDatabase): Promise<number> {
  return db.events.count().exec();
}
