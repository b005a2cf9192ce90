/**
 * JSON schemas of the records API (SPEC [MD6], [MD7]), validated by fastify before a handler runs,
 * with the same Ajv settings as the events API (schemas.ts: no coercion, unknown fields are
 * errors). Field rules per kind (checkRecordData) and clocks run after these in the service.
 */
import { RECORD_KINDS } from '../../../src/domain/replica';
import { MAX_PUSH_EVENTS, pullQuerySchema, UUID_PATTERN } from './schemas';

export const MAX_PUSH_RECORDS = MAX_PUSH_EVENTS;

const uuid = { type: 'string', pattern: UUID_PATTERN } as const;
const kind = { type: 'string', enum: [...RECORD_KINDS] } as const;

export const pushedRecordSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'data', 'clocks', 'actorId'],
  properties: {
    kind,
    id: uuid,
    data: { type: 'object', maxProperties: 50 },
    clocks: { type: 'object', maxProperties: 50, additionalProperties: { type: 'string', maxLength: 100 } },
    actorId: uuid,
  },
} as const;

export const recordsPushBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['records'],
  properties: { records: { type: 'array', maxItems: MAX_PUSH_RECORDS, items: pushedRecordSchema } },
} as const;

export const recordsPullQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: { kind, ...pullQuerySchema.properties },
} as const;

/** A pulled record (OpenAPI): the merged record with its field clocks and seq. */
export const pulledRecordSchema = {
  type: 'object',
  required: ['kind', 'id', 'data', 'clocks', 'seq'],
  properties: {
    kind,
    id: uuid,
    data: { type: 'object' },
    clocks: { type: 'object', additionalProperties: { type: 'string' } },
    seq: { type: 'integer' },
  },
} as const;
