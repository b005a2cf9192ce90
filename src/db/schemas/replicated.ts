/**
 * Version 1 of the replicated master-data schemas (SPEC [MD1], [MD9]): each v0 schema plus the
 * replication metadata — `clocks` (field → HLC of its last edit, [MD2]/[MD3]) and `editor` (the
 * staff member who made this tablet's latest edit, sent as the push's actor, [MD5]; '' when the
 * record only came from elsewhere). Migration 1 adds empty metadata: unclocked fields lose to
 * any clocked copy, so the first pull brings the server's values.
 */
import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import type { CountSession, Location, Lot, Product, PurchaseOrder, Staff, Visit } from '../../domain/model';
import { id, locationSchemaV0, lotSchemaV0, productSchemaV0, staffSchemaV0, text } from './catalog';
import { visitSchemaV0 } from './treatment';

export interface ReplicaMeta {
  clocks: Record<string, string>;
  editor: string;
}

export type LocationDoc = Location & ReplicaMeta;
export type StaffDoc = Staff & { pinHash: string } & ReplicaMeta;
export type ProductDoc = Product & ReplicaMeta;
export type LotDoc = Lot & ReplicaMeta;
export type VisitDoc = Visit & ReplicaMeta;
export type PurchaseOrderDoc = PurchaseOrder & ReplicaMeta;
export type CountSessionDoc = CountSession & ReplicaMeta;

const META_PROPERTIES = {
  clocks: { type: 'object', additionalProperties: { type: 'string', maxLength: 100 } },
  editor: { type: 'string', maxLength: 64 },
} as const;

function withMeta<T>(v0: RxJsonSchema<object>): RxJsonSchema<T> {
  return {
    ...v0,
    version: 1,
    properties: { ...v0.properties, ...META_PROPERTIES },
    required: [...((v0.required ?? []) as readonly string[]), 'clocks', 'editor'],
  } as unknown as RxJsonSchema<T>;
}

export const locationSchemaV1 = withMeta<LocationDoc>(locationSchemaV0 as RxJsonSchema<object>);
export const staffSchemaV1 = withMeta<StaffDoc>(staffSchemaV0 as RxJsonSchema<object>);
const productSchemaV1 = withMeta<ProductDoc>(productSchemaV0 as RxJsonSchema<object>);

/** v2: HIBC product codes ([SC4]: HIBC-labelled cartons match their product). */
export const productSchemaV2: RxJsonSchema<ProductDoc> = {
  ...productSchemaV1,
  version: 2,
  properties: {
    ...productSchemaV1.properties,
    hibccCodes: { type: 'array', items: { type: 'string', maxLength: 22 } },
  },
  required: [...((productSchemaV1.required ?? []) as readonly string[]), 'hibccCodes'],
} as RxJsonSchema<ProductDoc>;
export const lotSchemaV1 = withMeta<LotDoc>(lotSchemaV0 as RxJsonSchema<object>);
export const visitSchemaV1 = withMeta<VisitDoc>(visitSchemaV0 as RxJsonSchema<object>);

/** v0 → v1: no clocks yet (the record predates replication), no local editor. */
export const ADD_REPLICA_META: MigrationStrategies = {
  1: (doc: Record<string, unknown>) => ({ ...doc, clocks: {}, editor: '' }),
};

/**
 * Products v1 → v2 adds no HIBC codes, unclocked: the field's default ([MD10]), so any edit of it
 * elsewhere wins and the record is not pushed for it.
 */
export const PRODUCT_MIGRATIONS: MigrationStrategies = {
  ...ADD_REPLICA_META,
  2: (doc: Record<string, unknown>) => ({ ...doc, hibccCodes: [] }),
};

/**
 * Purchase orders (version 0, born with replication metadata). Lines are one field: an edit
 * replaces the whole list, so a merge never mixes two people's line edits ([MD3]).
 */
export const purchaseOrderSchemaV0: RxJsonSchema<PurchaseOrderDoc> = {
  title: 'purchase order',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id,
    orgId: id,
    locationId: id,
    supplier: text(200),
    reference: text(60),
    status: { type: 'string', enum: ['open', 'received', 'cancelled'], maxLength: 10 },
    orderedOn: text(10),
    lines: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          productId: id,
          quantityMilli: { type: 'integer', minimum: 1 },
          unitCostMicros: { type: 'integer', minimum: 0 },
        },
        required: ['productId', 'quantityMilli', 'unitCostMicros'],
      },
    },
    note: text(1000),
    ...META_PROPERTIES,
  },
  required: [
    'id',
    'orgId',
    'locationId',
    'supplier',
    'reference',
    'status',
    'orderedOn',
    'lines',
    'note',
    'clocks',
    'editor',
  ],
  indexes: ['orderedOn'],
};

/** Fridge count sessions (version 0); the counted quantities are `count` ledger events. */
export const countSessionSchemaV0: RxJsonSchema<CountSessionDoc> = {
  title: 'count session',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id,
    orgId: id,
    locationId: id,
    startedBy: id,
    startedAt: text(40),
    status: { type: 'string', enum: ['open', 'closed'], maxLength: 6 },
    closedAt: { type: ['string', 'null'], maxLength: 40 },
    note: text(1000),
    ...META_PROPERTIES,
  },
  required: [
    'id',
    'orgId',
    'locationId',
    'startedBy',
    'startedAt',
    'status',
    'closedAt',
    'note',
    'clocks',
    'editor',
  ],
  indexes: ['startedAt'],
};
