/**
 * Turns a record kind's one definition (src/domain/schemas/records.ts, SPEC [MD11]) into what the
 * tablet's RxDB store keeps. The store keeps the SHAPE of the data — types, null, nested objects,
 * enums, required fields and string bounds (RxDB needs `maxLength` on indexed and key strings) —
 * and leaves value rules (patterns, minimum lengths, number ranges, list sizes, refinements) to
 * `checkRecordData`, which the server runs on every push: a stricter local copy of them would only
 * refuse to store a copy the server already accepted.
 *
 * Example: `name: text(200, 1)` = `{ type: 'string', minLength: 1, maxLength: 200 }` is stored as
 * `{ type: 'string', maxLength: 200 }`; `orgId: uuid()` as `{ type: 'string', maxLength: 36 }`.
 */
import type { RxJsonSchema } from 'rxdb';
import type { TObject, TSchema } from 'typebox';

export type JsonSchema = Record<string, unknown>;

/** What a stored copy of a replicated record carries besides its fields ([MD2], [MD3], [MD5]). */
export interface ReplicaMeta {
  /** Field → HLC of its last edit. */
  clocks: Record<string, string>;
  /** The staff member who made this tablet's latest edit (the push's actor); '' if none. */
  editor: string;
}

export const META_PROPERTIES = {
  clocks: { type: 'object', additionalProperties: { type: 'string', maxLength: 100 } },
  editor: { type: 'string', maxLength: 64 },
} as const;

const SHAPE_KEYWORDS = new Set(['type', 'enum', 'maxLength', 'required', 'additionalProperties']);
const UNSUPPORTED = ['anyOf', 'oneOf', 'allOf', 'not', '$ref'];

/** The stored shape of one JSON Schema (recursively through items and properties). */
export function shapeOf(schema: TSchema | JsonSchema): JsonSchema {
  const source = schema as JsonSchema;
  for (const key of UNSUPPORTED)
    if (key in source) throw new Error(`record schemas use no "${key}": write the type with one JSON type`);
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'items') out.items = shapeOf(value as JsonSchema);
    else if (key === 'properties')
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([name, s]) => [name, shapeOf(s)]),
      );
    else if (key === 'additionalProperties' && typeof value === 'object')
      out.additionalProperties = shapeOf(value as JsonSchema);
    else if (SHAPE_KEYWORDS.has(key)) out[key] = structuredClone(value);
  }
  return out;
}

export interface StoredKindOptions {
  title: string;
  version: number;
  indexes?: (string | string[])[];
}

/** Throws unless every indexed field is a bounded string (RxDB cannot index anything else here). */
function checkIndexes(properties: Record<string, JsonSchema>, indexes: (string | string[])[]): void {
  for (const field of indexes.flat()) {
    const p = properties[field];
    if (p?.type !== 'string' || typeof p.maxLength !== 'number')
      throw new Error(`index on "${field}": RxDB indexes a required string with a maxLength here`);
  }
}

/**
 * The RxDB schema of a kind kept in its own collection: its fields' shapes, keyed by `id`, plus the
 * replication metadata, every field required (property order, then clocks and editor).
 */
export function storedKindSchema<T>(
  kind: TObject,
  options: StoredKindOptions,
): RxJsonSchema<T & ReplicaMeta> {
  const shape = shapeOf(kind);
  const properties = shape.properties as Record<string, JsonSchema>;
  const indexes = options.indexes ?? [];
  checkIndexes(properties, indexes);
  const schema = {
    title: options.title,
    version: options.version,
    primaryKey: 'id',
    type: 'object',
    additionalProperties: false,
    properties: { ...properties, ...META_PROPERTIES },
    required: [...(shape.required as string[]), 'clocks', 'editor'],
    ...(indexes.length > 0 ? { indexes } : {}),
  };
  return schema as unknown as RxJsonSchema<T & ReplicaMeta>;
}
