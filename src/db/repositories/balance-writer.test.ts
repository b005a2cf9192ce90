import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEvent } from '../../domain/ledger/fixtures';
import { balanceKey } from '../../domain/ledger/reducer';
import { collectionCreators, type ChairsideCollections, type ChairsideDatabase } from '../collections';
import { openTestDatabase } from '../testing';
import {
  diffAgainstReducer,
  materialize,
  rebuildBalances,
  recordEvents,
  repairBalancesIfStale,
} from './balances';

const open: ChairsideDatabase[] = [];
afterEach(async () => Promise.all(open.splice(0).map((db) => db.close())));

async function testDb() {
  const opened = await openTestDatabase();
  open.push(opened.db);
  return opened;
}

const receive = makeEvent({ id: 'r1', type: 'receive', quantityMilli: 100_000 });
const key = balanceKey(receive.lotId, receive.locationId);
const draw = (id: string, units: number) => makeEvent({ id, type: 'draw', quantityMilli: -units * 1000 });
const onHand = async (db: ChairsideDatabase) => (await db.balances.findOne(key).exec())?.onHandMilli;

describe('balance write path', () => {
  it('[L10] folds into what another tab stored meanwhile (its write refused ours once)', async () => {
    const { db, indexedDB } = await testDb();
    await recordEvents(db, [receive]);
    // A second tab on the same IndexedDB that this tab never hears from: this tab's copy of the
    // balance is stale, so its next write names an old revision and must be refused, then redone.
    const other = await createRxDatabase<ChairsideCollections>({
      name: db.name,
      storage: getRxStorageDexie({ indexedDB, IDBKeyRange }),
      multiInstance: false,
    });
    open.push(other);
    // Only what recordEvents touches: RxDB's open core allows 16 collections open at once.
    const { events, balances, lots } = collectionCreators();
    await other.addCollections({ events, balances, lots });
    await recordEvents(other, [draw('d1', 10)]);
    await recordEvents(db, [draw('d2', 5)]);
    expect(await onHand(db)).toBe(85_000);
    expect(await diffAgainstReducer(db)).toEqual([]);
  });

  it('[L10] keeps folding correctly after the documents were rebuilt', async () => {
    const { db } = await testDb();
    await recordEvents(db, [receive, draw('d1', 10)]);
    await rebuildBalances(db);
    await recordEvents(db, [draw('d2', 5)]);
    expect(await onHand(db)).toBe(85_000);
    expect(await diffAgainstReducer(db)).toEqual([]);
  });

  it('[L10] concurrent calls on one balance each fold once', async () => {
    const { db } = await testDb();
    await recordEvents(db, [receive]);
    await Promise.all([1, 2, 3, 4].map((i) => recordEvents(db, [draw(`d${i}`, i)])));
    expect(await onHand(db)).toBe(90_000);
    expect(await diffAgainstReducer(db)).toEqual([]);
  });

  it('[L10] a balance that was stored without its event (Σ eventCount > events) is repaired at boot', async () => {
    const { db } = await testDb();
    await recordEvents(db, [receive]);
    // Simulates the crash the other way round: the fold of d1 is stored, d1 itself never was.
    await materialize(db, [draw('d1', 10)]);
    expect(await onHand(db)).toBe(90_000);
    expect(await repairBalancesIfStale(db)).toBe(true);
    expect(await onHand(db)).toBe(100_000);
    expect(await diffAgainstReducer(db)).toEqual([]);
    expect(await repairBalancesIfStale(db)).toBe(false);
  });
});
