/**
 * Opens the tablet's local database. It is the first thing the app does — before any network
 * call — so a tablet with no Wi-Fi still has everything it recorded.
 */
import { addRxPlugin, createRxDatabase, type RxStorage } from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { collectionCreators, type ChairsideCollections, type ChairsideDatabase } from './collections';
import { moveRetiredCollections } from './legacy-records';

addRxPlugin(RxDBMigrationSchemaPlugin);
// Only one tab of the tablet runs replication at a time.
addRxPlugin(RxDBLeaderElectionPlugin);

export const DEFAULT_DB_NAME = 'chairside';

export interface OpenOptions {
  name?: string;
  /** Defaults to Dexie over the browser's IndexedDB; tests pass fake-indexeddb. */
  // RxStorage's internals/instance types differ per storage; any storage is acceptable here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  storage?: RxStorage<any, any>;
}

export async function openDatabase(options: OpenOptions = {}): Promise<ChairsideDatabase> {
  const db = await createRxDatabase<ChairsideCollections>({
    name: options.name ?? DEFAULT_DB_NAME,
    storage: options.storage ?? getRxStorageDexie(),
    multiInstance: true,
    eventReduce: true,
    closeDuplicates: true,
  });
  await db.addCollections(collectionCreators());
  // Purchase orders and counts kept in their own collections before [DB6]: moved once.
  await moveRetiredCollections(db);
  guardAppendOnly(db);
  return db;
}

/** SPEC [L2]: ledger events are never edited or removed through the app's database handle. */
function guardAppendOnly(db: ChairsideDatabase): void {
  db.events.preSave(() => {
    throw new Error('Ledger events are immutable: record a correcting event instead.');
  }, false);
  db.events.preRemove(() => {
    throw new Error('Ledger events are never deleted: record a correcting event instead.');
  }, false);
}
