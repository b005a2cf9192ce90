/**
 * SPEC [DB5], [PO1]: a tablet that stored purchase orders in their first shape (open / received,
 * lines without packs or an expected date) opens `records` v2 with them upgraded, clocks kept;
 * other kinds in the collection come through untouched.
 */
import { IDBFactory } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase, type RxCollection } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { describe, expect, it } from 'vitest';
import { checkRecordData } from '../domain/replica';
import { COLLECTIONS } from './collections';
import { testStorage } from './testing';

addRxPlugin(RxDBMigrationSchemaPlugin);

const P = '0190a000-0000-7000-8000-000000000003';
const oldOrder = (id: string, status: string) => ({
  key: `purchase_orders:${id}`,
  kind: 'purchase_orders',
  id,
  locationId: '0190a000-0000-7000-8000-000000000002',
  sortKey: '2026-11-20',
  data: {
    orgId: '0190a000-0000-7000-8000-000000000001',
    locationId: '0190a000-0000-7000-8000-000000000002',
    supplier: 'Galderma',
    reference: `PO-${status}`,
    status,
    orderedOn: '2026-11-20',
    lines: [{ productId: P, quantityMilli: 1_000, unitCostMicros: 5 }],
    note: '',
  },
  clocks: { status: '1764237600000-000000-tablet-a' },
  editor: '',
});
const count = {
  key: 'counts:0190a000-0000-7000-8000-0000000000c1',
  kind: 'counts',
  id: '0190a000-0000-7000-8000-0000000000c1',
  locationId: '0190a000-0000-7000-8000-000000000002',
  sortKey: '2026-11-21T09:00:00.000Z',
  data: { status: 'open', note: '' },
  clocks: {},
  editor: '',
};

async function openRecords(indexedDB: IDBFactory, current: boolean, before = 0) {
  // The documents' shape changes between versions, so the harness holds them loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = await createRxDatabase<{ records: RxCollection<any> }>({
    name: 'records-migrate',
    storage: testStorage(indexedDB).storage,
  });
  const { schema, migrationStrategies } = COLLECTIONS.records;
  await db.addCollections({
    records: current ? { schema, migrationStrategies } : { schema: { ...schema, version: before } },
  });
  return db;
}

describe('[DB5][PO1] records v0 → current', () => {
  it('turns open and received orders into sent ones with packs 0 and no expected date, clocks kept', async () => {
    const indexedDB = new IDBFactory();
    const before = await openRecords(indexedDB, false);
    const ids = ['0190a000-0000-7000-8000-0000000000a1', '0190a000-0000-7000-8000-0000000000a2'];
    await before.records.bulkInsert([
      oldOrder(ids[0]!, 'open'),
      oldOrder(ids[1]!, 'received'),
      { ...oldOrder('0190a000-0000-7000-8000-0000000000a3', 'cancelled') },
      count,
    ]);
    await before.close();
    const after = await openRecords(indexedDB, true);
    const docs = (await after.records.find().exec()).map((d) => d.toMutableJSON());
    const orders = docs.filter((d) => d.kind === 'purchase_orders');
    expect(orders.map((d) => d.data.status).sort()).toEqual(['cancelled', 'sent', 'sent']);
    for (const order of orders) {
      expect(order.data.lines).toEqual([
        { productId: P, packs: 0, quantityMilli: 1_000, unitCostMicros: 5, expectedOn: null },
      ]);
      expect(order.data.sentAt).toBeNull();
      expect(order.clocks).toEqual({ status: '1764237600000-000000-tablet-a' });
      expect(checkRecordData('purchase_orders', order.data)).toBeNull();
    }
    expect(docs.find((d) => d.kind === 'counts')).toMatchObject({ data: count.data });
    await after.close();
  });
});

describe('[DB5][TT1] records v2 → v3', () => {
  it('adds the kind treatment_templates and keeps every stored record as it was', async () => {
    const indexedDB = new IDBFactory();
    const before = await openRecords(indexedDB, false, 2);
    await before.records.bulkInsert([count]);
    await before.close();
    const after = await openRecords(indexedDB, true);
    expect(COLLECTIONS.records.schema.version).toBe(3);
    const docs = (await after.records.find().exec()).map((d) => d.toMutableJSON());
    expect(docs).toEqual([count]);
    await after.close();
  });
});
