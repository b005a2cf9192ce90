/**
 * A simulated tablet's disk ([S31], [S32]): the app's real storage (Dexie over fake-indexeddb),
 * whose committed writes are also appended to a journal file, so a tablet whose worker thread is
 * killed mid-command reopens with exactly what its IndexedDB had committed — as a browser keeps
 * IndexedDB when its tab crashes. fake-indexeddb lives in the worker's memory and dies with it;
 * the journal is what a real disk would have kept:
 *
 * - a write is journaled (synchronously) once the storage has committed it and before the app is
 *   told, so everything the app saw as saved survives; a write still in flight at the crash does not;
 * - on reopening, each storage instance gets the journaled documents back (last write wins) before
 *   RxDB reads it;
 * - `setFull(true)` makes every write fail as a full browser quota does (QuotaExceededError,
 *   nothing of that write stored);
 * - `crashAfterWrites(n)` ends the worker thread right after its n-th next committed write.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getPrimaryFieldOfPrimaryKey, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';

interface JournalLine {
  db: string;
  collection: string;
  version: number;
  docs: Record<string, unknown>[];
}

export interface TabletDisk {
  // The app's database takes any RxStorage; its document types vary per collection.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  storage: RxStorage<any, any>;
  setFull(full: boolean): void;
  crashAfterWrites(n: number): void;
}

function journaled(path: string): JournalLine[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as JournalLine);
}

export function tabletDisk(journalPath: string): TabletDisk {
  const inner = getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange });
  let full = false;
  let crashIn: number | null = null;
  const history = journaled(journalPath);

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see TabletDisk.storage
  const disk: RxStorage<any, any> = {
    ...inner,
    name: inner.name,
    rxdbVersion: inner.rxdbVersion,
    async createStorageInstance(params) {
      const instance = await inner.createStorageInstance(params);
      const primary = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey) as string;
      const key = {
        db: params.databaseName,
        collection: params.collectionName,
        version: params.schema.version,
      };
      const same = (l: JournalLine) =>
        l.db === key.db && l.collection === key.collection && l.version === key.version;
      const latest = new Map<string, Record<string, unknown>>();
      for (const line of history.filter(same))
        for (const doc of line.docs) latest.set(String(doc[primary]), doc);
      if (latest.size > 0)
        await instance.bulkWrite(
          [...latest.values()].map((document) => ({ document: document as never })),
          'journal-replay',
        );
      // Wrapped in place, as RxDB's own storage wrappers do (validate-ajv wraps this one in turn).
      const committed = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (writes, context) => {
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        const result = await committed(writes, context);
        const failed = new Set(result.error.map((e) => e.documentId));
        const docs = writes
          .map((w) => w.document as Record<string, unknown>)
          .filter((d) => !failed.has(String(d[primary])));
        if (docs.length > 0) appendFileSync(journalPath, `${JSON.stringify({ ...key, docs })}\n`);
        if (crashIn !== null && --crashIn <= 0) process.exit(1);
        return result;
      };
      return instance;
    },
  };
  return {
    // Schema validation as in every other test database (src/db/testing.ts).
    storage: wrappedValidateAjvStorage({ storage: disk }),
    setFull: (value) => (full = value),
    crashAfterWrites: (n) => (crashIn = n),
  };
}
