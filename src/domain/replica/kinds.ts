/**
 * The master-data record kinds that replicate between tablets and the sync server (SPEC [MD1]),
 * each with its field rules (the server validates every pushed record with them, naming the field)
 * and who may change it (SPEC [MD5]).
 */
import { isUuid } from '../ids';
import type { Role } from '../model';
import { can } from '../roles';

export const RECORD_KINDS = [
  'locations',
  'staff',
  'products',
  'lots',
  'visits',
  'purchase_orders',
  'counts',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);
}

type FieldRule = (value: unknown) => boolean;

const uuid: FieldRule = (v) => isUuid(v);
const text =
  (max: number, min = 0): FieldRule =>
  (v) =>
    typeof v === 'string' && v.length >= min && v.length <= max;
const int =
  (min: number, max = Number.MAX_SAFE_INTEGER): FieldRule =>
  (v) =>
    Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
/** The server stores these in 32-bit integer columns. */
const INT32_MAX = 2_147_483_647;
const nullable =
  (rule: FieldRule): FieldRule =>
  (v) =>
    v === null || rule(v);
const oneOf =
  (...values: string[]): FieldRule =>
  (v) =>
    typeof v === 'string' && values.includes(v);
const list =
  (rule: FieldRule, max: number): FieldRule =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every(rule);
const isoDate: FieldRule = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isoTime: FieldRule = (v) => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));
const gtin: FieldRule = (v) => typeof v === 'string' && /^\d{14}$/.test(v);
const poLine: FieldRule = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const line = v as Record<string, unknown>;
  return (
    Object.keys(line).length === 3 &&
    uuid(line.productId) &&
    int(1)(line.quantityMilli) &&
    int(0)(line.unitCostMicros)
  );
};

/** Every field of each kind (besides `id`) and what a valid value is. */
export const RECORD_FIELDS: Record<RecordKind, Record<string, FieldRule>> = {
  locations: { orgId: uuid, name: text(200, 1), storage: text(200) },
  staff: {
    orgId: uuid,
    name: text(200, 1),
    role: oneOf('injector', 'front_desk', 'manager', 'admin'),
    locationIds: list(uuid, 100),
    pinHash: text(300, 1),
  },
  products: {
    orgId: uuid,
    name: text(200, 1),
    manufacturer: text(200),
    category: oneOf('neurotoxin', 'filler', 'biostimulator', 'skincare', 'supply'),
    baseUnit: oneOf('U', 'mL', 'each'),
    containerSizeMilli: int(1),
    containersPerPack: int(1, INT32_MAX),
    gtins: list(gtin, 20),
    hibccCodes: list(text(22, 5), 20),
    patientPricePerUnitCents: nullable(int(0)),
    minStockMilli: int(0),
    beyondUseHours: nullable(int(1, INT32_MAX)),
    supplier: text(200),
  },
  lots: {
    orgId: uuid,
    productId: uuid,
    lotNumber: text(20, 1),
    expiry: isoDate,
    unitCostMicros: int(0),
    status: oneOf('available', 'hold', 'quarantine', 'recalled'),
  },
  visits: {
    orgId: uuid,
    locationId: uuid,
    patientChartRef: text(100),
    providerId: uuid,
    treatmentAreas: list(text(100), 30),
    priceChargedCents: nullable(int(0)),
    startedAt: isoTime,
    deviceId: text(64, 1),
  },
  purchase_orders: {
    orgId: uuid,
    locationId: uuid,
    supplier: text(200, 1),
    reference: text(60, 1),
    status: oneOf('open', 'received', 'cancelled'),
    orderedOn: isoDate,
    lines: list(poLine, 200),
    note: text(1000),
  },
  counts: {
    orgId: uuid,
    locationId: uuid,
    startedBy: uuid,
    startedAt: isoTime,
    status: oneOf('open', 'closed'),
    closedAt: nullable(isoTime),
    note: text(1000),
  },
};

/**
 * Values for fields added after records were first written: a stored or pushed record that
 * predates the field reads as having this value ([MD10]), so old copies stay valid.
 */
export const RECORD_FIELD_DEFAULTS: Partial<Record<RecordKind, Record<string, unknown>>> = {
  products: { hibccCodes: [] },
};

/** The record's data with defaults for fields it predates. */
export function withFieldDefaults(kind: RecordKind, data: Record<string, unknown>): Record<string, unknown> {
  const defaults = RECORD_FIELD_DEFAULTS[kind];
  if (!defaults) return data;
  const out = { ...data };
  for (const [field, value] of Object.entries(defaults)) if (!Object.hasOwn(out, field)) out[field] = value;
  return out;
}

export interface RecordProblem {
  field: string;
  message: string;
}

/**
 * Checks a full record of `kind` (after merging, so every field must be present and valid).
 * Returns the first problem, naming the field, or null.
 */
export function checkRecordData(kind: RecordKind, data: Record<string, unknown>): RecordProblem | null {
  const rules = RECORD_FIELDS[kind];
  // Own properties only: "toString" or "constructor" must not pass as known fields.
  for (const field of Object.keys(data))
    if (!Object.hasOwn(rules, field)) return { field, message: `unknown field "${field}" for ${kind}` };
  const defaults = RECORD_FIELD_DEFAULTS[kind] ?? {};
  for (const [field, rule] of Object.entries(rules)) {
    if (!Object.hasOwn(data, field) && Object.hasOwn(defaults, field)) continue;
    if (!Object.hasOwn(data, field)) return { field, message: `${kind}.${field} is required` };
    if (!rule(data[field])) return { field, message: `${kind}.${field} has an invalid value` };
  }
  return null;
}

/**
 * Who may change which kind. Staff and locations: admins. Products: managers and admins.
 * Lots: anyone who receives or treats may create one (a new lot read off a carton), but only
 * managers and admins change an existing lot's status, cost or expiry. Visits: everyone who
 * works with patients, front desk included. Purchase orders: whoever may receive stock. Count
 * sessions: whoever may count.
 */
export function mayChangeRecord(role: Role, kind: RecordKind, isNew: boolean): boolean {
  switch (kind) {
    case 'staff':
    case 'locations':
      return role === 'admin';
    case 'products':
      return role === 'manager' || role === 'admin';
    case 'lots':
      return isNew || role === 'manager' || role === 'admin';
    case 'visits':
      return true;
    case 'purchase_orders':
      return can(role, 'receive');
    case 'counts':
      return can(role, 'count');
  }
}
