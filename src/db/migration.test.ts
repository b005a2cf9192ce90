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
import { productSchemaV0 } from './schemas/catalog';
import { testStorage } from './testing';

addRxPlugin(RxDBMigrationSchemaPlugin);

async function openAt(indexedDB: IDBFactory, version: 'v0' | 'current') {
  // The collection's document type changes between versions, so the harness holds it loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = await createRxDatabase<{ products: RxCollection<any> }>({
    name: 'migrate',
    storage: testStorage(indexedDB).storage,
  });
  await db.addCollections({
    products:
      version === 'v0'
        ? { schema: productSchemaV0 }
        : {
            schema: COLLECTIONS.products.schema,
            migrationStrategies: COLLECTIONS.products.migrationStrategies,
          },
  });
  return db;
}

describe('schema migrations', () => {
  it('[DB5][MD10] products written at v0 survive a reopen at the current version, migrated step by step', async () => {
    const indexedDB = new IDBFactory();
    const products = buildDemoClinic('2026-11-23').products.map(({ hibccCodes: _h, ...v0 }) => v0);
    const v0 = await openAt(indexedDB, 'v0');
    await v0.products.bulkInsert(products);
    await v0.close();

    const current = await openAt(indexedDB, 'current');
    expect(COLLECTIONS.products.schema.version).toBe(2);
    const docs = await current.products.find().exec();
    expect(docs).toHaveLength(products.length);
    for (const original of products) {
      const migrated = docs.find((d) => d.primary === original.id)?.toJSON();
      // v1 adds replication metadata (no clocks: the server's copy wins), v2 no HIBC codes.
      expect(migrated).toMatchObject({ ...original, clocks: {}, editor: '', hibccCodes: [] });
    }
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
