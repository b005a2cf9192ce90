/**
 * SPEC [DB6]: a tablet that kept purchase orders and count sessions in their own collections has
 * them moved into `records` when the database opens, once; the old collections are removed.
 */
import { IDBFactory } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase, getAllCollectionDocuments, type RxCollection } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChairsideDatabase } from './collections';
import { openDatabase } from './database';
import { findRecordDocs } from './repositories/record-docs';
import { countSessionSchemaV0, purchaseOrderSchemaV0 } from './schemas/legacy';
import { testStorage } from './testing';

addRxPlugin(RxDBMigrationSchemaPlugin);

const org = '0190a000-0000-7000-8000-000000000001';
const loc = '0190a000-0000-7000-8000-000000000002';
const po = {
  id: '0190a000-0000-7000-8000-0000000000a1',
  orgId: org,
  locationId: loc,
  supplier: 'Galderma',
  reference: 'PO-7',
  status: 'open',
  orderedOn: '2026-11-20',
  lines: [{ productId: '0190a000-0000-7000-8000-000000000003', quantityMilli: 1000, unitCostMicros: 5 }],
  note: 'rush',
  clocks: { reference: '0001764237600000-000000-tablet-a' },
  editor: '0190a000-0000-7000-8000-000000000004',
};
const count = {
  id: '0190a000-0000-7000-8000-0000000000c1',
  orgId: org,
  locationId: loc,
  startedBy: '0190a000-0000-7000-8000-000000000004',
  startedAt: '2026-11-21T09:00:00.000Z',
  status: 'closed',
  closedAt: '2026-11-21T10:00:00.000Z',
  note: '',
  clocks: {},
  editor: '',
};

const open: ChairsideDatabase[] = [];
afterEach(async () => Promise.all(open.splice(0).map((db) => db.close())));

/** A tablet as the previous release left it: POs and counts in collections of their own. */
async function previousRelease(indexedDB: IDBFactory, name: string) {
  // The retired collections' documents are only written here, as the old app wrote them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = await createRxDatabase<Record<string, RxCollection<any>>>({
    name,
    storage: testStorage(indexedDB).storage,
  });
  await db.addCollections({
    purchase_orders: { schema: purchaseOrderSchemaV0 },
    counts: { schema: countSessionSchemaV0 },
  });
  await db.purchase_orders!.insert(po);
  await db.counts!.insert(count);
  await db.close();
}

async function reopen(indexedDB: IDBFactory, name: string) {
  const db = await openDatabase({ name, storage: testStorage(indexedDB).storage });
  open.push(db);
  return db;
}

const collectionNames = async (db: ChairsideDatabase) =>
  (await getAllCollectionDocuments(db.internalStore)).map((d) => d.data.name).sort();

describe('[DB6] moving purchase orders and counts into records', () => {
  it('copies them with their clocks and editor, and removes the old collections', async () => {
    const indexedDB = new IDBFactory();
    await previousRelease(indexedDB, 'legacy');
    const db = await reopen(indexedDB, 'legacy');
    // Moved in today's shape ([PO1]): an open order is a sent one, its lines in base units.
    expect([...(await findRecordDocs(db, 'purchase_orders', [po.id])).values()]).toEqual([
      {
        ...po,
        status: 'sent',
        sentAt: null,
        lines: po.lines.map((l) => ({ ...l, packs: 0, expectedOn: null })),
      },
    ]);
    expect([...(await findRecordDocs(db, 'counts', [count.id])).values()]).toEqual([count]);
    expect(await db.records.count().exec()).toBe(2);
    expect(await collectionNames(db)).not.toContain('purchase_orders');
    expect(await collectionNames(db)).not.toContain('counts');
    expect(Object.keys(db.collections)).not.toContain('purchase_orders');
  });

  it('runs once: a later open finds the records and no old collection, and keeps later edits', async () => {
    const indexedDB = new IDBFactory();
    await previousRelease(indexedDB, 'twice');
    const first = await reopen(indexedDB, 'twice');
    await first.records.findOne(`purchase_orders:${po.id}`).incrementalPatch({ sortKey: '2026-11-25' });
    await first.close();
    open.splice(0);
    const second = await reopen(indexedDB, 'twice');
    expect(await second.records.count().exec()).toBe(2);
    expect((await second.records.findOne(`purchase_orders:${po.id}`).exec())?.sortKey).toBe('2026-11-25');
  });

  it('creates no old collection on a new tablet', async () => {
    const db = await reopen(new IDBFactory(), 'fresh');
    const names = await collectionNames(db);
    expect(names).toContain('records');
    expect(names).not.toContain('purchase_orders');
    expect(names).not.toContain('counts');
  });
});
