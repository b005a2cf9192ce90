import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { filter, firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEvent } from '../../domain/ledger/fixtures';
import { collectionCreators, type ChairsideCollections, type ChairsideDatabase } from '../collections';
import { CHECKPOINT_KEY } from '../schemas/treatment';
import { openTestDatabase, reopenTestDatabase } from '../testing';
import {
  auditBalances,
  currentBalance,
  diffAgainstReducer,
  flushBalances,
  liveBalances,
  rebuildBalances,
  recordEvents,
  watchBalances,
} from './balances';
import { writeSnapshotRows } from './fold-storage';

const open: ChairsideDatabase[] = [];
afterEach(async () => Promise.all(open.splice(0).map((db) => (db.closed ? undefined : db.close()))));

async function testDb() {
  const opened = await openTestDatabase();
  open.push(opened.db);
  return opened;
}

async function reopen(opened: Awaited<ReturnType<typeof openTestDatabase>>) {
  const again = await reopenTestDatabase(opened);
  open.push(again.db);
  return again;
}

const receive = makeEvent({ id: 'r1', type: 'receive', quantityMilli: 100_000 });
const draw = (id: string, units: number) => makeEvent({ id, type: 'draw', quantityMilli: -units * 1000 });
const onHand = async (db: ChairsideDatabase) =>
  (await currentBalance(db, receive.lotId, receive.locationId))?.onHandMilli;

/** Another tab on the same IndexedDB with only the collections the balances need. */
async function otherTab(db: ChairsideDatabase, indexedDB: IDBFactory, multiInstance: boolean) {
  const other = await createRxDatabase<ChairsideCollections>({
    name: db.name,
    storage: getRxStorageDexie({ indexedDB, IDBKeyRange }),
    multiInstance,
  });
  open.push(other);
  // RxDB's open core allows 16 collections open at once.
  const { events, balances, lots } = collectionCreators();
  await other.addCollections({ events, balances, lots });
  return other;
}

describe('balances: one write per draw, a snapshot behind the ledger', () => {
  it('[L10] the live balance shows a draw when recordEvents returns; the snapshot is not written yet', async () => {
    const { db } = await testDb();
    await recordEvents(db, [receive]);
    await recordEvents(db, [draw('d1', 40)]);
    expect(await onHand(db)).toBe(60_000);
    expect(await db.balances.findOne(`${receive.lotId}|${receive.locationId}`).exec()).toBeNull();
    await flushBalances(db);
    const stored = await db.balances.findOne(`${receive.lotId}|${receive.locationId}`).exec();
    expect(stored?.onHandMilli).toBe(60_000);
    expect(stored?.foldedThrough?.id).toBe('d1');
    expect((await db.balances.findOne(CHECKPOINT_KEY).exec())?.foldedThrough?.id).toBe('d1');
  });

  it('[L10] concurrent calls on one balance each fold once', async () => {
    const opened = await testDb();
    await recordEvents(opened.db, [receive]);
    await Promise.all([1, 2, 3, 4].map((i) => recordEvents(opened.db, [draw(`d${i}`, i)])));
    expect(await onHand(opened.db)).toBe(90_000);
    await flushBalances(opened.db);
    const { db } = await reopen(opened);
    expect(await onHand(db)).toBe(90_000);
    expect(await diffAgainstReducer(db)).toEqual([]);
  });

  it('[L11] a tab closed before the balance write: reopening folds only the tail, exactly', async () => {
    const opened = await testDb();
    await recordEvents(opened.db, [receive]);
    await flushBalances(opened.db);
    await recordEvents(opened.db, [draw('d1', 10)]);
    const { db } = await reopen(opened);
    expect(liveBalances(db).lastLoad).toMatchObject({ snapshotDocs: 0, tailEvents: 0 });
    await liveBalances(db).ready;
    expect(liveBalances(db).lastLoad).toMatchObject({ snapshotDocs: 1, tailEvents: 1 });
    expect(await onHand(db)).toBe(90_000);
    expect(await diffAgainstReducer(db)).toEqual([]);
  });

  it('[L11] 1,000 events in the tail fold on open, and nothing before the checkpoint is read', async () => {
    const opened = await testDb();
    await recordEvents(opened.db, [makeEvent({ id: 'r0', type: 'receive', quantityMilli: 2_000_000 })]);
    await flushBalances(opened.db);
    const draws = Array.from({ length: 1000 }, (_, i) => draw(`d${String(i).padStart(4, '0')}`, 1));
    for (let i = 0; i < draws.length; i += 100) await recordEvents(opened.db, draws.slice(i, i + 100));
    const { db } = await reopen(opened);
    await liveBalances(db).ready;
    expect(liveBalances(db).lastLoad.tailEvents).toBe(1000);
    expect(await onHand(db)).toBe(1_000_000);
    expect(await diffAgainstReducer(db)).toEqual([]);
  }, 60_000);

  it('[L11] a full disk on the balance write loses nothing: the live state is right, the reopen repairs', async () => {
    const opened = await testDb();
    await recordEvents(opened.db, [receive]);
    await flushBalances(opened.db);
    const storage = opened.db.balances.storageInstance;
    const original = storage.bulkWrite.bind(storage);
    storage.bulkWrite = () =>
      Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await recordEvents(opened.db, [draw('d1', 25)]);
    await flushBalances(opened.db);
    expect(String(liveBalances(opened.db).snapshotWriter()?.lastError)).toContain('quota');
    expect(liveBalances(opened.db).snapshotWriter()?.pendingCount).toBe(1);
    expect(await onHand(opened.db)).toBe(75_000);
    storage.bulkWrite = original;
    const { db } = await reopen(opened);
    expect(await onHand(db)).toBe(75_000);
    expect(await diffAgainstReducer(db)).toEqual([]);
  });

  it('[L11] two tabs drawing the same vial see each other at once and store one exact snapshot', async () => {
    const opened = await testDb();
    const a = opened.db;
    const b = await otherTab(a, opened.indexedDB, true);
    await recordEvents(a, [receive]);
    await Promise.all([recordEvents(a, [draw('a1', 10)]), recordEvents(b, [draw('b1', 5)])]);
    // Each tab hears the other's draw through RxDB's multi-instance channel.
    const until = (db: ChairsideDatabase, milli: number) =>
      firstValueFrom(watchBalances(db).pipe(filter((bs) => bs[0]?.onHandMilli === milli)));
    await Promise.all([until(a, 85_000), until(b, 85_000)]);
    await Promise.all([flushBalances(a), flushBalances(b)]);
    await recordEvents(b, [draw('b2', 1)]);
    await until(a, 84_000);
    await Promise.all([flushBalances(b), flushBalances(a)]);
    await b.close();
    const { db } = await reopen(opened);
    expect(await onHand(db)).toBe(84_000);
    expect(await diffAgainstReducer(db)).toEqual([]);
  }, 30_000);

  it('[L11] a writer that never heard of another tab folds onto what it stored (409), never twice', async () => {
    const opened = await testDb();
    await recordEvents(opened.db, [receive]);
    await flushBalances(opened.db);
    // A second tab this one never hears from: its snapshot write makes ours stale.
    const other = await otherTab(opened.db, opened.indexedDB, false);
    await recordEvents(other, [draw('o1', 10)]);
    await flushBalances(other);
    await other.close();
    await recordEvents(opened.db, [draw('d2', 5)]);
    await flushBalances(opened.db);
    const { db } = await reopen(opened);
    expect(await onHand(db)).toBe(85_000);
    expect(await diffAgainstReducer(db)).toEqual([]);
  }, 30_000);

  it('[L11] a sync page arriving during a draw: both fold once, live and after reopening', async () => {
    const opened = await testDb();
    await recordEvents(opened.db, [receive]);
    const page = Array.from({ length: 1000 }, (_, i) =>
      makeEvent({ id: `p${i}`, type: 'receive', quantityMilli: 1000, deviceId: 'tablet-2' }),
    );
    await Promise.all([
      recordEvents(opened.db, page, 'replication-downstream'),
      recordEvents(opened.db, [draw('d1', 40)]),
    ]);
    expect(await onHand(opened.db)).toBe(1_060_000);
    await flushBalances(opened.db);
    const { db } = await reopen(opened);
    expect(await onHand(db)).toBe(1_060_000);
    expect(await diffAgainstReducer(db)).toEqual([]);
  }, 30_000);

  it('[L10] keeps folding correctly after the documents were rebuilt', async () => {
    const { db } = await testDb();
    await recordEvents(db, [receive, draw('d1', 10)]);
    await flushBalances(db);
    await rebuildBalances(db);
    await recordEvents(db, [draw('d2', 5)]);
    expect(await onHand(db)).toBe(85_000);
    expect(await diffAgainstReducer(db)).toEqual([]);
  });

  it('[L11] a balance stored without its event (Σ eventCount > events) is repaired by the idle audit', async () => {
    const opened = await testDb();
    await recordEvents(opened.db, [receive]);
    await flushBalances(opened.db);
    // Simulates corruption the other way round: a snapshot that folded d1, which was never stored.
    const key = `${receive.lotId}|${receive.locationId}`;
    const [stored] = await opened.db.balances.storageInstance.findDocumentsById([key], false);
    await writeSnapshotRows(opened.db, [
      { previous: stored!, document: { ...stored!, onHandMilli: 90_000, eventCount: 2 } },
    ]);
    const { db } = await reopen(opened);
    expect(await onHand(db)).toBe(90_000);
    expect(await auditBalances(db)).toBe(true);
    expect(await onHand(db)).toBe(100_000);
    expect(await diffAgainstReducer(db)).toEqual([]);
    expect(await auditBalances(db)).toBe(false);
  });
});
