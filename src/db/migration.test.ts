/**
 * Migration harness: a collection is opened at schema v0, written, closed, and reopened at its
 * current version with the app's migration strategies — the stored documents must come back intact
 * and migrated. Every future schema bump adds its case here (SPEC [DB5]).
 */
import { IDBFactory } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase, type RxCollection } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../domain/demo/clinic';
import { COLLECTIONS } from './collections';
import { makeEvent } from '../domain/ledger/fixtures';
import { blankBalance } from './repositories/balance-docs';
import { currentBalance, diffAgainstReducer, flushBalances } from './repositories/balances';
import { toEventDoc } from './repositories/events';
import { CATALOG_FIELD_DEFAULTS } from '../domain/catalog/product-defaults';
import type { Product } from '../domain/model';
import { productSchemaV0, productSchemaV3, productSchemaV4 } from './schemas/catalog';
import { eventSchemaV0 } from './schemas/ledger';
import { lotBalanceSchemaV0 } from './schemas/treatment';
import { openTestDatabase, testStorage } from './testing';

addRxPlugin(RxDBMigrationSchemaPlugin);

const FROZEN = { v0: productSchemaV0, v3: productSchemaV3, v4: productSchemaV4 } as const;

/** A demo product as tablets stored it before v5 (no catalog fields). */
function beforeV5(p: Product) {
  const { archived: _a, family: _f, reorderQuantityMilli: _r, preferredSupplierId: _s, ...rest } = p;
  return rest;
}

async function openAt(indexedDB: IDBFactory, version: keyof typeof FROZEN | 'current') {
  // The collection's document type changes between versions, so the harness holds it loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = await createRxDatabase<{ products: RxCollection<any> }>({
    name: 'migrate',
    storage: testStorage(indexedDB).storage,
  });
  await db.addCollections({
    products:
      version !== 'current'
        ? { schema: FROZEN[version] }
        : {
            schema: COLLECTIONS.products.schema,
            migrationStrategies: COLLECTIONS.products.migrationStrategies,
          },
  });
  return db;
}

async function openLedgerAtV0(indexedDB: IDBFactory, name: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- v0 document shapes
  const db = await createRxDatabase<{ events: RxCollection<any>; balances: RxCollection<any> }>({
    name,
    storage: testStorage(indexedDB).storage,
  });
  await db.addCollections({ events: { schema: eventSchemaV0 }, balances: { schema: lotBalanceSchemaV0 } });
  return db;
}

describe('schema migrations', () => {
  it('[DB5][L11] balances written at v0 (no fold cursors) are rebuilt from the ledger once, then carry cursors', async () => {
    const indexedDB = new IDBFactory();
    const receive = makeEvent({ id: 'r1', type: 'receive', quantityMilli: 100_000 });
    const draw = makeEvent({ id: 'd1', type: 'draw', quantityMilli: -40_000 });
    const v0 = await openLedgerAtV0(indexedDB, 'migrate-balances');
    await v0.events.bulkInsert([receive, draw].map(toEventDoc));
    // A v0 document that missed the draw (the old boot check would have caught it).
    await v0.balances.insert({ ...blankBalance(receive, 'p1'), onHandMilli: 100_000, eventCount: 1 });
    await v0.close();
    const { db } = await openTestDatabase(indexedDB, 'migrate-balances');
    try {
      expect((await currentBalance(db, receive.lotId, receive.locationId))?.onHandMilli).toBe(60_000);
      expect(await diffAgainstReducer(db)).toEqual([]);
      await flushBalances(db);
      const stored = await db.balances.findOne(`${receive.lotId}|${receive.locationId}`).exec();
      expect(stored?.onHandMilli).toBe(60_000);
      // One insert stamps both events with one lwt; the cursor is the last in (lwt, id) order.
      expect(stored?.foldedThrough?.id).toBe('r1');
    } finally {
      await db.close();
    }
  });

  it('[DB5][MD10] products written at v0 survive a reopen at the current version, migrated step by step', async () => {
    const indexedDB = new IDBFactory();
    const products = buildDemoClinic('2026-11-23')
      .products.map(beforeV5)
      .map(({ hibccCodes: _h, drawStepMilli: _d, ...v0 }) => v0);
    const v0 = await openAt(indexedDB, 'v0');
    await v0.products.bulkInsert(products);
    await v0.close();

    const current = await openAt(indexedDB, 'current');
    expect(COLLECTIONS.products.schema.version).toBe(5);
    const docs = await current.products.find().exec();
    expect(docs).toHaveLength(products.length);
    for (const original of products) {
      const migrated = docs.find((d) => d.primary === original.id)?.toJSON();
      // v1 adds replication metadata (no clocks: the server's copy wins), v2 no HIBC codes, v4 no
      // draw step, v5 the catalog's defaults.
      expect(migrated).toMatchObject({
        ...original,
        clocks: {},
        editor: '',
        hibccCodes: [],
        drawStepMilli: null,
        ...CATALOG_FIELD_DEFAULTS,
      });
    }
    await current.close();
  });

  it('[DB5][MD10][T3] products written at v3 reopen at v4 with no draw step of their own, clocks kept', async () => {
    const indexedDB = new IDBFactory();
    const clocks = { name: '0000000000001-000000-tablet-a' };
    const products = buildDemoClinic('2026-11-23')
      .products.map(beforeV5)
      .map(({ drawStepMilli: _d, ...v3 }) => ({ ...v3, clocks, editor: 'staff-1' }));
    const v3 = await openAt(indexedDB, 'v3');
    await v3.products.bulkInsert(products);
    await v3.close();

    const current = await openAt(indexedDB, 'current');
    const docs = await current.products.find().exec();
    expect(docs).toHaveLength(products.length);
    for (const original of products)
      expect(docs.find((d) => d.primary === original.id)?.toJSON()).toEqual({
        ...original,
        drawStepMilli: null,
        ...CATALOG_FIELD_DEFAULTS,
      });
    await current.close();
  });

  it('[DB5][MD10][CT3] products written at v4 reopen at v5 active, of no family, with no reorder quantity or preferred supplier', async () => {
    const indexedDB = new IDBFactory();
    const clocks = { name: '0000000000001-000000-tablet-a' };
    const products = buildDemoClinic('2026-11-23')
      .products.map(beforeV5)
      .map((v4) => ({ ...v4, drawStepMilli: 1_000, clocks, editor: 'staff-1' }));
    const v4 = await openAt(indexedDB, 'v4');
    await v4.products.bulkInsert(products);
    await v4.close();

    const current = await openAt(indexedDB, 'current');
    const docs = await current.products.find().exec();
    expect(docs).toHaveLength(products.length);
    for (const original of products)
      expect(docs.find((d) => d.primary === original.id)?.toJSON()).toEqual({
        ...original,
        archived: false,
        family: '',
        reorderQuantityMilli: 0,
        preferredSupplierId: null,
      });
    await current.close();
  });

  it('[DB5] every collection has a migration strategy for each schema version above 0', () => {
    for (const [name, spec] of Object.entries(COLLECTIONS)) {
      const version = spec.schema.version;
      const strategies = Object.keys(spec.migrationStrategies)
        .map(Number)
        .sort((a, b) => a - b);
      expect(strategies, name).toEqual(Array.from({ length: version }, (_, i) => i + 1));
    }
  });
});
