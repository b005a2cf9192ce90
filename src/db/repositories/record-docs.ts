/**
 * Where each replicated kind is stored (SPEC [DB6]): its own collection, or the shared `records`
 * collection keyed `kind:id`. Repositories and replication see every kind the same way — flat
 * documents (`id`, the fields, `clocks`, `editor`) — and only this file knows the envelope.
 */
import type { RxCollection } from 'rxdb';
import type {
  CountSession,
  PurchaseOrder,
  Supplier,
  SupplierPrice,
  TreatmentTemplate,
} from '../../domain/model';
import type { RecordKind } from '../../domain/replica';
import type { ChairsideDatabase, LocationDoc, LotDoc, ProductDoc, StaffDoc, VisitDoc } from '../collections';
import {
  fromEnvelope,
  isSmallKind,
  recordKey,
  toEnvelope,
  type FlatRecordDoc,
  type RecordEnvelopeDoc,
} from '../schemas/records';
import type { ReplicaMeta } from '../schemas/replicated';

export type PurchaseOrderDoc = PurchaseOrder & ReplicaMeta;
export type CountSessionDoc = CountSession & ReplicaMeta;
export type SupplierDoc = Supplier & ReplicaMeta;
export type SupplierPriceDoc = SupplierPrice & ReplicaMeta;
export type TreatmentTemplateDoc = TreatmentTemplate & ReplicaMeta;

export interface RecordDocs {
  locations: LocationDoc;
  staff: StaffDoc;
  products: ProductDoc;
  lots: LotDoc;
  visits: VisitDoc;
  purchase_orders: PurchaseOrderDoc;
  counts: CountSessionDoc;
  suppliers: SupplierDoc;
  supplier_prices: SupplierPriceDoc;
  treatment_templates: TreatmentTemplateDoc;
}

/**
 * The collection `kind` is stored in. Several kinds share `records`, and the map of own
 * collections holds different document types, so generic code gets it widened.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function recordCollection(db: ChairsideDatabase, kind: RecordKind): RxCollection<any> {
  return isSmallKind(kind) ? db.records : db[kind];
}

/**
 * The flat record of a document of `kind`'s collection, or null when the document belongs to
 * another kind sharing the collection (replication of one kind skips those).
 */
export function asRecordDoc<K extends RecordKind>(kind: K, stored: unknown): RecordDocs[K] | null {
  if (!isSmallKind(kind)) return stored as RecordDocs[K];
  const envelope = stored as RecordEnvelopeDoc;
  return envelope.kind === kind ? (fromEnvelope(envelope) as unknown as RecordDocs[K]) : null;
}

/** The stored copies of these records, by id. */
export async function findRecordDocs<K extends RecordKind>(
  db: ChairsideDatabase,
  kind: K,
  ids: string[],
): Promise<Map<string, RecordDocs[K]>> {
  const keys = isSmallKind(kind) ? ids.map((id) => recordKey(kind, id)) : ids;
  const found = await recordCollection(db, kind).findByIds(keys).exec();
  const out = new Map<string, RecordDocs[K]>();
  for (const doc of found.values()) {
    const flat = asRecordDoc(kind, doc.toMutableJSON());
    if (flat) out.set((flat as { id: string }).id, flat);
  }
  return out;
}

export async function upsertRecordDocs<K extends RecordKind>(
  db: ChairsideDatabase,
  kind: K,
  docs: RecordDocs[K][],
): Promise<void> {
  if (docs.length === 0) return;
  const writes = isSmallKind(kind)
    ? docs.map((doc) => toEnvelope(kind, doc as unknown as FlatRecordDoc))
    : docs;
  await recordCollection(db, kind).bulkUpsert(writes);
}
