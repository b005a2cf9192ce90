/**
 * The `records` collection (SPEC [DB6]): every small replicated kind in ONE RxDB collection, so
 * new kinds cost no collection of RxDB's 13 (decisions/2026-12-01_records-collection.md). A
 * document is one record: `key` = `kind:id`, its fields under `data`, the same replication
 * metadata as a kind in its own collection ([MD2], [MD3], [MD5]), and two index fields filled
 * from the data on every write — `locationId` ('' for a kind without one) and `sortKey` (the
 * field the kind's screens list by) — for the indexes [kind, sortKey] and [kind, locationId, sortKey].
 *
 * Example: purchase order P at location L ordered 2026-11-30 →
 *   { key: 'purchase_orders:P', kind: 'purchase_orders', id: P, locationId: L,
 *     sortKey: '2026-11-30', data: { orgId, locationId: L, supplier, …, note }, clocks, editor }.
 *
 * The kinds' fields are not in this RxDB schema (`data` is any object): the schema hash test adds
 * their stored shapes to this collection's hash, so changing a small kind asks for a version bump
 * of `records` and a migration strategy like any other collection.
 */
import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import type { Static } from 'typebox';
import type { RecordKind } from '../../domain/replica';
import { upgradeLegacyOrder } from '../../domain/purchasing/legacy-order';
import { RECORD_SCHEMAS } from '../../domain/schemas';
import { META_PROPERTIES, shapeOf, type JsonSchema, type ReplicaMeta } from './derive';

type FieldsOf<K extends RecordKind> = Static<(typeof RECORD_SCHEMAS)[K]>;

/** The kinds kept in `records`, and the field each one's screens list it by. */
export const RECORDS_COLLECTION_KINDS = {
  purchase_orders: { sortBy: 'orderedOn' },
  counts: { sortBy: 'startedAt' },
  suppliers: { sortBy: 'name' },
  supplier_prices: { sortBy: 'updatedOn' },
  treatment_templates: { sortBy: 'name' },
} as const satisfies { [K in RecordKind]?: { sortBy: keyof FieldsOf<K> & string } };

export type SmallKind = keyof typeof RECORDS_COLLECTION_KINDS;

export function isSmallKind(kind: RecordKind): kind is SmallKind {
  return Object.hasOwn(RECORDS_COLLECTION_KINDS, kind);
}

export interface RecordEnvelopeDoc extends ReplicaMeta {
  key: string;
  kind: SmallKind;
  id: string;
  locationId: string;
  sortKey: string;
  data: Record<string, unknown>;
}

/** A record as the repositories see it: its fields, `id` and the metadata, flat. */
export type FlatRecordDoc = { id: string } & ReplicaMeta & Record<string, unknown>;

const SORT_KEY_MAX = 200;

export const recordsSchema: RxJsonSchema<RecordEnvelopeDoc> = {
  title: 'record',
  // v1: the kinds suppliers and supplier_prices; v2: purchase orders draft/sent/cancelled, lines
  // with packs and an expected date ([PO1]); v3: the kind treatment_templates ([TT1]).
  version: 3,
  primaryKey: 'key',
  type: 'object',
  additionalProperties: false,
  properties: {
    key: { type: 'string', maxLength: 110 },
    kind: { type: 'string', maxLength: 40 },
    id: { type: 'string', maxLength: 64 },
    locationId: { type: 'string', maxLength: 64 },
    sortKey: { type: 'string', maxLength: SORT_KEY_MAX },
    data: { type: 'object' },
    ...META_PROPERTIES,
  },
  required: ['key', 'kind', 'id', 'locationId', 'sortKey', 'data', 'clocks', 'editor'],
  indexes: [
    ['kind', 'sortKey'],
    ['kind', 'locationId', 'sortKey'],
  ],
};

/**
 * v0 → v1 added the kinds `suppliers` and `supplier_prices`: stored envelopes are unchanged.
 * v1 → v2: purchase orders in the shape of [PO1] (`upgradeLegacyOrder`, clocks unchanged, so the
 * server's migration 10 and every tablet reach the same record); other kinds are unchanged.
 * v2 → v3 added the kind `treatment_templates`: stored envelopes are unchanged.
 */
export const RECORDS_MIGRATIONS: MigrationStrategies = {
  1: (doc: RecordEnvelopeDoc) => doc,
  2: (doc: RecordEnvelopeDoc) =>
    doc.kind === 'purchase_orders' ? { ...doc, data: upgradeLegacyOrder(doc.data) } : doc,
  3: (doc: RecordEnvelopeDoc) => doc,
};

export const recordKey = (kind: SmallKind, id: string) => `${kind}:${id}`;

export function toEnvelope(kind: SmallKind, doc: FlatRecordDoc): RecordEnvelopeDoc {
  const { id, clocks, editor, ...data } = doc;
  const location = data.locationId;
  const sort = data[RECORDS_COLLECTION_KINDS[kind].sortBy];
  return {
    key: recordKey(kind, id),
    kind,
    id,
    locationId: typeof location === 'string' ? location : '',
    sortKey: typeof sort === 'string' ? sort.slice(0, SORT_KEY_MAX) : '',
    data,
    clocks,
    editor,
  };
}

export function fromEnvelope(doc: RecordEnvelopeDoc): FlatRecordDoc {
  return { ...doc.data, id: doc.id, clocks: doc.clocks, editor: doc.editor };
}

/** What `records` holds besides its RxDB schema: each kind's stored shape and sort field. */
export function recordsCollectionKinds(): JsonSchema {
  return Object.fromEntries(
    Object.entries(RECORDS_COLLECTION_KINDS).map(([kind, { sortBy }]) => [
      kind,
      { sortBy, shape: shapeOf(RECORD_SCHEMAS[kind as SmallKind]) },
    ]),
  );
}
