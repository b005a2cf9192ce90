/**
 * JSON schemas of the records API (SPEC [MD6], [MD7]), written with TypeBox so the handlers' types
 * are derived from what fastify validates, with the same Ajv settings as the events API
 * (schemas.ts: no coercion, unknown fields are errors). A record's `data` is checked after these,
 * in the service, against its kind's one definition (checkRecordData, [MD11]): a pushed field
 * without a clock is ignored there, so the route cannot refuse it.
 */
import { Type, type Static } from 'typebox';
import type { RecordData } from '../../../src/domain/replica';
import { RECORD_KINDS } from '../../../src/domain/replica';
import { MAX_PUSH_EVENTS, pullQuerySchema, UUID_PATTERN } from './schemas';

export const MAX_PUSH_RECORDS = MAX_PUSH_EVENTS;

const uuid = Type.String({ pattern: UUID_PATTERN });
const kind = Type.Unsafe<(typeof RECORD_KINDS)[number]>({ type: 'string', enum: [...RECORD_KINDS] });
const recordData = (options: { maxProperties?: number } = {}) =>
  Type.Unsafe<RecordData>({ type: 'object', ...options });
/** Field → clock. Written as additionalProperties (Type.Record would say patternProperties). */
const clocks = (value: { maxLength?: number }, options: { maxProperties?: number } = {}) =>
  Type.Unsafe<Record<string, string>>({
    type: 'object',
    ...options,
    additionalProperties: { type: 'string', ...value },
  });

export const pushedRecordSchema = Type.Object(
  {
    kind,
    id: uuid,
    data: recordData({ maxProperties: 50 }),
    clocks: clocks({ maxLength: 100 }, { maxProperties: 50 }),
    actorId: uuid,
    /** The editor's proof of a privileged edit ([A5]): who approved, and the HMAC of the edit. */
    approval: Type.Optional(
      Type.Object(
        {
          by: uuid,
          fields: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 10 }),
          proof: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const recordsPushBodySchema = Type.Object(
  { records: Type.Array(pushedRecordSchema, { maxItems: MAX_PUSH_RECORDS }) },
  { additionalProperties: false },
);
export type RecordsPushBody = Static<typeof recordsPushBodySchema>;

export const recordsPullQuerySchema = Type.Object(
  {
    kind,
    epoch: Type.Optional(Type.Unsafe<string>(pullQuerySchema.properties.epoch)),
    seq: Type.Optional(Type.Unsafe<string>(pullQuerySchema.properties.seq)),
    limit: Type.Optional(Type.Unsafe<string>(pullQuerySchema.properties.limit)),
  },
  { additionalProperties: false },
);
export type RecordsPullQuery = Static<typeof recordsPullQuerySchema>;

/** A pulled record (OpenAPI): the merged record with its field clocks and seq. */
export const pulledRecordSchema = Type.Object({
  kind,
  id: uuid,
  data: recordData(),
  clocks: clocks({}),
  seq: Type.Integer(),
});
