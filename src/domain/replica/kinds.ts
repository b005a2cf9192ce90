/**
 * The master-data record kinds that replicate between tablets and the sync server (SPEC [MD1]),
 * each with its field rules — derived from the kind's one definition in ../schemas/records.ts
 * ([MD11]); the server validates every pushed record with them, naming the field — and who may
 * change it (SPEC [MD5]).
 */
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { Role } from '../model';
import { can } from '../roles';
import { RECORD_SCHEMAS } from '../schemas/records';

export type RecordKind = keyof typeof RECORD_SCHEMAS;
export const RECORD_KINDS = Object.keys(RECORD_SCHEMAS) as readonly RecordKind[];

export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);
}

/** Each field of a kind (besides `id`) and its TypeBox schema: what a valid value is. */
export type KindFields = Readonly<Record<string, TSchema>>;

function fieldsOf(kind: RecordKind): KindFields {
  const { id: _id, ...fields } = RECORD_SCHEMAS[kind].properties as Record<string, TSchema>;
  return fields;
}

/** Every field of each kind (besides `id`), derived from its one definition ([MD11]). */
export const RECORD_FIELDS: Readonly<Record<RecordKind, KindFields>> = Object.fromEntries(
  RECORD_KINDS.map((kind) => [kind, fieldsOf(kind)]),
) as Record<RecordKind, KindFields>;

/**
 * Values for fields added after records were first written (a field's `default` in its kind's
 * definition): a stored or pushed record that predates the field reads as having this value
 * ([MD10]), so old copies stay valid.
 */
export const RECORD_FIELD_DEFAULTS: Readonly<Record<RecordKind, Readonly<Record<string, unknown>>>> =
  Object.fromEntries(
    RECORD_KINDS.map((kind) => [
      kind,
      Object.fromEntries(
        Object.entries(RECORD_FIELDS[kind])
          .filter(([, schema]) => Object.hasOwn(schema, 'default'))
          .map(([field, schema]) => [field, (schema as { default: unknown }).default]),
      ),
    ]),
  ) as Record<RecordKind, Record<string, unknown>>;

/** The record's data with defaults for fields it predates. */
export function withFieldDefaults(kind: RecordKind, data: Record<string, unknown>): Record<string, unknown> {
  const defaults = RECORD_FIELD_DEFAULTS[kind];
  let out = data;
  for (const [field, value] of Object.entries(defaults))
    if (!Object.hasOwn(out, field)) out = { ...out, [field]: structuredClone(value) };
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
  const defaults = RECORD_FIELD_DEFAULTS[kind];
  for (const [field, schema] of Object.entries(rules)) {
    if (!Object.hasOwn(data, field) && Object.hasOwn(defaults, field)) continue;
    if (!Object.hasOwn(data, field)) return { field, message: `${kind}.${field} is required` };
    if (!Value.Check(schema, data[field])) return { field, message: `${kind}.${field} has an invalid value` };
  }
  return null;
}

/**
 * Who may change which kind. Staff and locations: admins. Products: managers and admins.
 * Lots: anyone who receives or treats may create one (a new lot read off a carton), but only
 * managers and admins change an existing lot's status, cost or expiry. Visits: everyone who
 * works with patients, front desk included. Purchase orders: managers and admins ([PO2]: those who
 * receive record `receive` events against an order, they never edit it). Count
 * sessions: whoever may count.
 * Suppliers and their prices, and treatment templates ([TT1]): whoever manages the catalog
 * (managers and admins), like products.
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
      return can(role, 'order');
    case 'counts':
      return can(role, 'count');
    case 'suppliers':
    case 'supplier_prices':
    case 'treatment_templates':
      return can(role, 'manage_catalog');
  }
}
