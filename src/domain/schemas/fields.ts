/**
 * The field types record kinds are built from (SPEC [MD11]). Each is TypeBox, so it is at once
 * plain JSON Schema (what fastify's Ajv, OpenAPI and RxDB read) and a TypeScript type
 * (`Static<>`). A rule JSON Schema cannot say — a timestamp `Date.parse` reads — is a TypeBox
 * refinement: `Value.Check` runs it, the JSON never shows it.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { isPlausibleDate, isPlausibleDateTime } from '../dates';

/** The canonical lowercase UUID `isUuid` accepts (uuid's own pattern, without the i flag). */
export const CANONICAL_UUID_PATTERN =
  '^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}' +
  '|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$';

/** The server stores some integers in 32-bit columns. */
export const INT32_MAX = 2_147_483_647;

export const uuid = () => Type.String({ maxLength: 36, pattern: CANONICAL_UUID_PATTERN });

/** `default` marks a field added later ([MD10]): a record that predates it reads with this value. */
export const text = (maxLength: number, minLength = 0, options: { default?: string } = {}) =>
  Type.String(minLength > 0 ? { minLength, maxLength, ...options } : { maxLength, ...options });

/** A safe integer in [minimum, maximum]; `default` as for `text`. */
export const int = (minimum: number, maximum = Number.MAX_SAFE_INTEGER, options: { default?: number } = {}) =>
  Type.Integer({ minimum, maximum, ...options });

/** true or false; `default` as for `text`. */
export const bool = (options: { default?: boolean } = {}) => Type.Boolean(options);

/** One of a fixed set of strings. */
export const oneOf = <const V extends readonly string[]>(values: V) =>
  Type.Unsafe<V[number]>({ type: 'string', enum: [...values] });

export const list = <T extends TSchema>(item: T, maxItems: number, options: { default?: Static<T>[] } = {}) =>
  Type.Array(item, { maxItems, ...options });

/**
 * The value or null, as one JSON Schema (`type: [t, "null"]`, the form RxDB stores) rather than
 * an anyOf; a refinement of the value still applies to non-null values. `default: null` marks a
 * field added later ([MD10]): a record that predates it reads as null.
 */
export function nullable<T extends TSchema>(inner: T, options: { default?: null } = {}) {
  const json = inner as unknown as { type: string };
  const schema = Type.Unsafe<Static<T> | null>({ ...inner, type: [json.type, 'null'], ...options });
  return Type.Refine(schema, (v) => v === null || Value.Check(inner, v));
}

/** A real calendar date YYYY-MM-DD in the accepted years ([D4]: "2025-02-30" and "0000-01-01" are not). */
export const isoDate = () =>
  Type.Refine(Type.String({ maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), isPlausibleDate);

/** A device timestamp: RFC 3339 with an offset of at most ±14:00, in the accepted years ([D4]). */
export const isoTime = () => Type.Refine(Type.String({ maxLength: 40 }), isPlausibleDateTime);

export const gtin = () => Type.String({ maxLength: 14, pattern: '^\\d{14}$' });

/** A closed object: every listed field required, no others. */
export const record = <P extends Record<string, TSchema>>(properties: P) =>
  Type.Object(properties, { additionalProperties: false });
