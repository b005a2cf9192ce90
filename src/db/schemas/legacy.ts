/**
 * Frozen schemas of collections tablets may still hold but the app no longer creates (SPEC
 * [DB6]): purchase orders and count sessions had collections of their own (v0) before they moved
 * into `records`. Opened only by the one-time move (../legacy-records.ts), with exactly the schema
 * tablets created them with (schema-hashes.json pins it), then removed.
 */
import type { RxJsonSchema } from 'rxdb';
import { id, text } from './catalog';
import { META_PROPERTIES } from './derive';

// The documents' type is of no use here: they are only read once, as flat records.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RetiredDoc = any;

export const purchaseOrderSchemaV0: RxJsonSchema<RetiredDoc> = {
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

export const countSessionSchemaV0: RxJsonSchema<RetiredDoc> = {
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

/** Retired collection → the schema (and version) tablets hold it at. */
export const RETIRED_COLLECTIONS = {
  purchase_orders: purchaseOrderSchemaV0,
  counts: countSessionSchemaV0,
} as const;
