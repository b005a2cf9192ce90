/**
 * Test support: a real Dexie storage over fake-indexeddb (so repository tests exercise Dexie,
 * not a stub) wrapped in RxDB's JSON-schema validator, so a document that breaks its schema fails
 * the test instead of being stored. Not imported by the app.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { ChairsideDatabase } from './collections';
import { openDatabase } from './database';

let counter = 0;

/** One isolated IndexedDB per call; pass the same `indexedDB` to reopen the same data. */
export function testStorage(indexedDB: IDBFactory = new IDBFactory()) {
  return {
    indexedDB,
    storage: wrappedValidateAjvStorage({ storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) }),
  };
}

export async function openTestDatabase(
  indexedDB?: IDBFactory,
  name?: string,
): Promise<{ db: ChairsideDatabase; indexedDB: IDBFactory }> {
  const { storage, indexedDB: idb } = testStorage(indexedDB);
  counter += 1;
  const db = await openDatabase({ name: name ?? `chairside-test-${counter}`, storage });
  return { db, indexedDB: idb };
}

/** The same database opened again (as after a crash or a reload), once the handle is closed. */
export async function reopenTestDatabase(opened: {
  db: ChairsideDatabase;
  indexedDB: IDBFactory;
}): Promise<{ db: ChairsideDatabase; indexedDB: IDBFactory }> {
  if (!opened.db.closed) await opened.db.close();
  return openTestDatabase(opened.indexedDB, opened.db.name);
}
