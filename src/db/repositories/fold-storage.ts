/**
 * Storage-level access for the balance fold (SPEC [L10], [L11]): the ledger's insert stream, the
 * events stored after a cursor, and the persisted snapshot. The only file of the balance code that
 * reaches RxDB's storage instances, so the two users (the live state and the snapshot writer) read
 * the ledger the same way.
 */
import {
  getChangedDocumentsSince,
  type RxDocumentData,
  type RxStorageBulkWriteResponse,
  type RxStorageInstance,
} from 'rxdb';
import { fromDexieToStorage } from 'rxdb/plugins/storage-dexie';
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

/** The part of RxDB's Dexie storage internals read here (see below). */
interface DexieTableLike {
  toArray(): Promise<unknown[]>;
  where(index: string): {
    above(key: unknown[]): { limit(n: number): { toArray(): Promise<unknown[]> } };
    aboveOrEqual(key: unknown[]): { limit(n: number): { toArray(): Promise<unknown[]> } };
  };
}
interface DexieState {
  dexieTable: DexieTableLike;
  booleanIndexes: string[];
}

/**
 * RxDB's Dexie storage state, when that is the storage. Its queries walk an IndexedDB cursor one
 * document per round trip (measured: ~0.1 ms each in Chromium); a Dexie range read is one
 * `getAll`, so the snapshot and the tail are read that way, converted back to RxDB's storage
 * format by RxDB's own helper. Any other storage goes through `getChangedDocumentsSince`.
 */
async function dexieStateOf(
  instance: RxStorageInstance<unknown, unknown, unknown>,
): Promise<DexieState | null> {
  const state = (await instance.internals) as Partial<DexieState> | undefined;
  return state?.dexieTable && Array.isArray(state.booleanIndexes) ? (state as DexieState) : null;
}

/** RxDB's `_meta.lwt + primary key` index, as Dexie names it. */
const LWT_INDEX = (primaryKey: string) => `[_meta.lwt+${primaryKey}]`;

async function changedSince<T>(
  instance: RxStorageInstance<T, unknown, unknown>,
  primaryKey: string,
  pageSize: number,
  since: FoldCursor | undefined,
): Promise<RxDocumentData<T>[]> {
  const dexie = await dexieStateOf(instance as RxStorageInstance<unknown, unknown, unknown>);
  if (!dexie) return (await getChangedDocumentsSince(instance, pageSize, since)).documents;
  const range = dexie.dexieTable.where(LWT_INDEX(primaryKey));
  const rows = since ? range.above([since.lwt, since.id]) : range.aboveOrEqual([-Infinity, '']);
  return (await rows.limit(pageSize).toArray()).map((row) => toStorage<T>(dexie.booleanIndexes, row));
}

/**
 * Dexie's row back to RxDB's storage format. RxDB's helper rebuilds every nested object to undo a
 * key substitution used only by key compression (off here); for top-level boolean indexes (RxDB's
 * `_deleted`, stored as '1'/'0') a shallow copy is enough, and measured ~5× cheaper on 2,000
 * balance documents. Anything else takes RxDB's helper.
 */
function toStorage<T>(booleanIndexes: string[], row: unknown): RxDocumentData<T> {
  if (booleanIndexes.some((path) => path.includes('.') || path.startsWith('|')))
    return fromDexieToStorage(booleanIndexes, row) as RxDocumentData<T>;
  const doc = { ...(row as Record<string, unknown>) };
  for (const path of booleanIndexes) doc[path] = doc[path] === '1';
  return doc as RxDocumentData<T>;
}

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
    const page = await changedSince(db.events.storageInstance, 'id', pageSize, since);
    const last = page[page.length - 1];
    if (last) yield page;
    if (!last || page.length < pageSize) return;
    since = cursorOf(last);
  }
}

export interface StoredSnapshot {
  /** Balance documents by key (deleted ones left out). */
  docs: Map<string, StoredBalance>;
  /** The checkpoint document, absent before the first snapshot write. */
  checkpoint: StoredBalance | undefined;
}

const SNAPSHOT_PAGE_SIZE = 10_000;

/** The persisted snapshot: a few thousand small documents, read at the storage level. */
export async function loadSnapshot(db: ChairsideDatabase): Promise<StoredSnapshot> {
  const docs = new Map<string, StoredBalance>();
  let checkpoint: StoredBalance | undefined;
  let since: FoldCursor | undefined;
  for (;;) {
    const page = await changedSince(db.balances.storageInstance, 'key', SNAPSHOT_PAGE_SIZE, since);
    for (const doc of page) {
      if (doc._deleted) continue;
      if (doc.key === CHECKPOINT_KEY) checkpoint = doc;
      else docs.set(doc.key, doc);
    }
    const last = page[page.length - 1];
    if (!last || page.length < SNAPSHOT_PAGE_SIZE) return { docs, checkpoint };
    since = { lwt: last._meta.lwt, id: last.key };
  }
}

/** The stored checkpoint document (absent before the first snapshot write). */
export async function findCheckpoint(db: ChairsideDatabase): Promise<StoredBalance | undefined> {
  const [doc] = await db.balances.storageInstance.findDocumentsById([CHECKPOINT_KEY], false);
  return doc;
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
