/**
 * The first (version 0) RxDB schemas of the clinic's master data, frozen as tablets created them:
 * schema-hashes.test.ts checks them against their recorded hashes and migration tests open them.
 * The current schemas are derived from each kind's one definition (replicated.ts, SPEC [MD11]).
 */
import type { RxJsonSchema } from 'rxdb';
import type { Location, Lot, Product, Staff } from '../../domain/model';
import type { ReplicaMeta } from './derive';

/** Schema pieces every collection's fields use. */
export const id = { type: 'string', maxLength: 64 } as const;
export const text = (maxLength = 200) => ({ type: 'string', maxLength }) as const;
/** Products before v5 (the catalog's fields, see replicated.ts). */
type ProductBeforeV5 = Omit<Product, 'archived' | 'family' | 'reorderQuantityMilli' | 'preferredSupplierId'>;

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

/** v0 predates `hibccCodes` (added in v2) and `drawStepMilli` (v4), see replicated.ts. */
export const productSchemaV0: RxJsonSchema<Omit<ProductBeforeV5, 'hibccCodes' | 'drawStepMilli'>> = {
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

const shortText = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const nullableInt = { type: ['integer', 'null'] } as const;

/**
 * Products v3 (the first schema derived from the kind, before `drawStepMilli`), frozen as tablets
 * hold it so the migration to v4 can be tested from it (schema-hashes.json pins its hash).
 */
export const productSchemaV3: RxJsonSchema<Omit<ProductBeforeV5, 'drawStepMilli'> & ReplicaMeta> = {
  title: 'product',
  version: 3,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: shortText(36),
    orgId: shortText(36),
    name: shortText(200),
    manufacturer: shortText(200),
    category: { type: 'string', enum: ['neurotoxin', 'filler', 'biostimulator', 'skincare', 'supply'] },
    baseUnit: { type: 'string', enum: ['U', 'mL', 'each'] },
    containerSizeMilli: { type: 'integer' },
    containersPerPack: { type: 'integer' },
    gtins: { type: 'array', items: shortText(14) },
    hibccCodes: { type: 'array', items: shortText(22) },
    patientPricePerUnitCents: nullableInt,
    minStockMilli: { type: 'integer' },
    beyondUseHours: nullableInt,
    supplier: shortText(200),
    clocks: { type: 'object', additionalProperties: shortText(100) },
    editor: shortText(64),
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
    'hibccCodes',
    'patientPricePerUnitCents',
    'minStockMilli',
    'beyondUseHours',
    'supplier',
    'clocks',
    'editor',
  ],
};

const { clocks: clocksV3, editor: editorV3, ...fieldsV3 } = productSchemaV3.properties;

/** Products v4 (with the draw step, before the catalog's fields), frozen for the migration to v5. */
export const productSchemaV4: RxJsonSchema<ProductBeforeV5 & ReplicaMeta> = {
  ...productSchemaV3,
  version: 4,
  properties: { ...fieldsV3, drawStepMilli: nullableInt, clocks: clocksV3, editor: editorV3 },
  required: [
    ...(productSchemaV3.required as string[]).filter((f) => f !== 'clocks' && f !== 'editor'),
    'drawStepMilli',
    'clocks',
    'editor',
  ],
} as RxJsonSchema<ProductBeforeV5 & ReplicaMeta>;

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
