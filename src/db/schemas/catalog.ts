/**
 * The first (version 0) RxDB schemas of the clinic's master data, frozen as tablets created them:
 * schema-hashes.test.ts checks them against their recorded hashes and migration tests open them.
 * The current schemas are derived from each kind's one definition (replicated.ts, SPEC [MD11]).
 */
import type { RxJsonSchema } from 'rxdb';
import type { Location, Lot, Product, Staff } from '../../domain/model';

/** Schema pieces every collection's fields use. */
export const id = { type: 'string', maxLength: 64 } as const;
export const text = (maxLength = 200) => ({ type: 'string', maxLength }) as const;
const int = (minimum?: number) =>
  ({ type: 'integer', ...(minimum === undefined ? {} : { minimum }) }) as const;

export const locationSchemaV0: RxJsonSchema<Location> = {
  title: 'location',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: { id, orgId: id, name: text(), storage: text() },
  required: ['id', 'orgId', 'name', 'storage'],
};

export const staffSchemaV0: RxJsonSchema<Staff & { pinHash: string }> = {
  title: 'staff',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id,
    orgId: id,
    name: text(),
    role: { type: 'string', enum: ['injector', 'front_desk', 'manager', 'admin'] },
    locationIds: { type: 'array', items: { type: 'string' } },
    pinHash: text(300),
  },
  required: ['id', 'orgId', 'name', 'role', 'locationIds', 'pinHash'],
};

/** v0 predates `hibccCodes` (added in v2, see replicated.ts). */
export const productSchemaV0: RxJsonSchema<Omit<Product, 'hibccCodes'>> = {
  title: 'product',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id,
    orgId: id,
    name: text(),
    manufacturer: text(),
    category: { type: 'string', enum: ['neurotoxin', 'filler', 'biostimulator', 'skincare', 'supply'] },
    baseUnit: { type: 'string', enum: ['U', 'mL', 'each'] },
    containerSizeMilli: int(1),
    containersPerPack: int(1),
    gtins: { type: 'array', items: { type: 'string', maxLength: 14 } },
    patientPricePerUnitCents: { type: ['integer', 'null'] },
    minStockMilli: int(0),
    beyondUseHours: { type: ['integer', 'null'] },
    supplier: text(),
  },
  required: [
    'id',
    'orgId',
    'name',
    'manufacturer',
    'category',
    'baseUnit',
    'containerSizeMilli',
    'containersPerPack',
    'gtins',
    'patientPricePerUnitCents',
    'minStockMilli',
    'beyondUseHours',
    'supplier',
  ],
};

export const lotSchemaV0: RxJsonSchema<Lot> = {
  title: 'lot',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id,
    orgId: id,
    productId: id,
    lotNumber: text(20),
    expiry: text(10),
    unitCostMicros: int(0),
    status: { type: 'string', enum: ['available', 'hold', 'quarantine', 'recalled'] },
  },
  required: ['id', 'orgId', 'productId', 'lotNumber', 'expiry', 'unitCostMicros', 'status'],
  indexes: ['productId', ['productId', 'expiry']],
};
