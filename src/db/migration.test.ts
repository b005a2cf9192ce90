/**
 * Migration harness: a collection is opened at schema v0, written, closed, and reopened at v1
 * with its migration strategy — the stored documents must come back intact and migrated. Every
 * future schema bump adds its case here (SPEC [DB5]).
 */
import { IDBFactory } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../domain/demo/clinic';
import type { Product } from '../domain/model';
import { COLLECTIONS } from './collections';
import { productSchemaV0 } from './schemas/catalog';
import { testStorage } from './testing';

addRxPlugin(RxDBMigrationSchemaPlugin);

type ProductV1 = Product & { favourite: boolean };

const productSchemaV1: RxJsonSchema<ProductV1> = {
  ...productSchemaV0,
  version: 1,
  properties: { ...productSchemaV0.properties, favourite: { type: 'boolean' } },
  required: [...(productSchemaV0.required as string[]), 'favourite'],
} as RxJsonSchema<ProductV1>;

async function openAt(indexedDB: IDBFactory, version: 0 | 1) {
  // The collection's document type changes between v0 and v1, so the harness holds it loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = await createRxDatabase<{ products: RxCollection<any> }>({
    name: 'migrate',
    storage: testStorage(indexedDB).storage,
  });
  await db.addCollections({
    products:
      version === 0
        ? { schema: productSchemaV0 }
        : {
            schema: productSchemaV1,
            migrationStrategies: { 1: (doc: Product): ProductV1 => ({ ...doc, favourite: false }) },
          },
  });
  return db;
}

describe('schema migrations', () => {
  it('[DB5] data written at v0 survives a reopen at v1, migrated', async () => {
    const indexedDB = new IDBFactory();
    const products = buildDemoClinic('2026-11-23').products;
    const v0 = await openAt(indexedDB, 0);
    await v0.products.bulkInsert(products);
    await v0.close();

    const v1 = await openAt(indexedDB, 1);
    const docs = await v1.products.find().exec();
    expect(docs).toHaveLength(products.length);
    for (const original of products) {
      const migrated = docs.find((d) => d.primary === original.id)?.toJSON();
      expect(migrated).toMatchObject({ ...original, favourite: false });
    }
    await v1.close();
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
