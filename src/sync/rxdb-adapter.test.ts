/**
 * SPEC [S36]: a checkpoint write RxDB's replication makes for itself failing (a full disk) would
 * leave RxDB's checkpoint chain rejected for good and the sync dead; through the adapter the sync
 * goes on once space is free.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChairsideDatabase } from '../db/collections';
import { openDatabase } from '../db/database';
import type { SettingDoc } from '../db/schemas/ledger';
import { replicate, type RxReplication } from './rxdb-adapter';

const REPLICATION_META = 'rx-replication-meta-';
const failedWrites = { count: 0 };

/** Dexie over fake-indexeddb whose replication bookkeeping writes fail while `full.on`. */
function bookkeepingCanFill(full: { on: boolean }) {
  const inner = getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange });
  // The database takes any RxStorage; its document types vary per collection.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const storage: RxStorage<any, any> = {
    ...inner,
    async createStorageInstance(params) {
      const instance = await inner.createStorageInstance(params);
      if (!params.collectionName.startsWith(REPLICATION_META)) return instance;
      const write = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows, context) => {
        if (full.on) failedWrites.count += 1;
        if (full.on) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return write(rows, context);
      };
      return instance;
    },
  };
  return storage;
}

/** A settings document as the storage holds it (RxDB's own fields included). */
function stored(key: string) {
  return { key, value: 'pulled', _deleted: false, _rev: '1-a', _attachments: {}, _meta: { lwt: Date.now() } };
}

let db: ChairsideDatabase | null = null;
let rx: RxReplication | null = null;
afterEach(async () => {
  await rx?.stop().catch(() => undefined);
  await db?.close();
  rx = null;
  db = null;
});

describe('[S36] the replication adapter', () => {
  it('keeps syncing after its checkpoint write failed on a full disk', async () => {
    const full = { on: false };
    db = await openDatabase({ name: 'adapter-full-disk', storage: bookkeepingCanFill(full) });
    const pushed: string[] = [];
    let pulls = 0;
    rx = replicate<SettingDoc>({
      identifier: 'adapter-test',
      collection: db.settings,
      pullBatchSize: 10,
      pushBatchSize: 10,
      pull: async () => {
        pulls += 1;
      },
      shouldPush: (doc) => doc.key.startsWith('doc-'),
      push: async (docs) => {
        pushed.push(...docs.map((d) => d.key));
      },
    });
    await rx.pushIdle();
    await db.settings.insert({ key: 'doc-a', value: '1' });
    await vi.waitFor(() => expect(pushed).toContain('doc-a'));

    // A pulled document stored just as the disk fills: RxDB's push side then records its checkpoint
    // past it, and that write fails.
    full.on = true;
    const pulledFlag = await rx.downstreamFlag('fallback');
    await db.settings.storageInstance.bulkWrite([{ document: stored('pulled-x') }], pulledFlag);
    await vi.waitFor(() => expect(failedWrites.count).toBeGreaterThan(0));
    await db.settings.insert({ key: 'doc-b', value: '2' });

    full.on = false;
    const pullsBefore = pulls;
    rx.resync();
    await db.settings.insert({ key: 'doc-c', value: '3' });
    await vi.waitFor(() => expect(pushed).toEqual(expect.arrayContaining(['doc-a', 'doc-b', 'doc-c'])));
    await vi.waitFor(() => expect(pulls).toBeGreaterThan(pullsBefore));
  });
});
