/**
 * The one-time move of purchase orders and count sessions out of their retired collections into
 * `records` (SPEC [DB6]), run when the database opens, before anything reads them. Only a tablet
 * that still holds a retired collection (RxDB's internal store lists it) opens it, with the exact
 * schema it was created with; its documents are copied — a record already in `records` is kept
 * (the move may have been cut short after copying) — and the collection is removed with its
 * storage and replication metadata, so it no longer counts towards RxDB's collection limit.
 * The replication of these kinds then starts over on `records`: edits not yet pushed are pushed
 * from there, the server's copies come by the usual pull.
 */
import { getAllCollectionDocuments, type RxCollection } from 'rxdb';
import { upgradeLegacyOrder } from '../domain/purchasing/legacy-order';
import type { ChairsideDatabase } from './collections';
import { toEnvelope, type FlatRecordDoc, type SmallKind } from './schemas/records';
import { RETIRED_COLLECTIONS } from './schemas/legacy';

type RetiredName = keyof typeof RETIRED_COLLECTIONS;

async function retiredPresent(db: ChairsideDatabase): Promise<RetiredName[]> {
  const names = new Set((await getAllCollectionDocuments(db.internalStore)).map((doc) => doc.data.name));
  return (Object.keys(RETIRED_COLLECTIONS) as RetiredName[]).filter((name) => names.has(name));
}

/** Copies a retired collection's records into `records`, keeping any copy already there. */
async function copyInto(db: ChairsideDatabase, kind: SmallKind, collection: RxCollection): Promise<void> {
  const docs = await collection.find().exec();
  if (docs.length === 0) return;
  const envelopes = docs.map((doc) => {
    const flat = doc.toMutableJSON() as FlatRecordDoc;
    // The retired collection held orders in their first shape ([PO1] upgrades them).
    return toEnvelope(kind, kind === 'purchase_orders' ? (upgradeLegacyOrder(flat) as FlatRecordDoc) : flat);
  });
  const { error } = await db.records.bulkInsert(envelopes);
  const failed = error.filter((e) => e.status !== 409);
  if (failed.length > 0) throw new Error(`moving ${kind} into records failed for ${failed.length} records`);
}

/** Returns the retired collections it moved (none on a tablet that never had them). */
export async function moveRetiredCollections(db: ChairsideDatabase): Promise<RetiredName[]> {
  const present = await retiredPresent(db);
  if (present.length === 0) return [];
  const opened = (await db.addCollections(
    Object.fromEntries(present.map((name) => [name, { schema: RETIRED_COLLECTIONS[name] }])),
  )) as unknown as Record<RetiredName, RxCollection>;
  for (const name of present) {
    await copyInto(db, name, opened[name]);
    await opened[name].remove();
  }
  return present;
}
