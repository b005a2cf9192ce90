/**
 * JSON schemas of the sync API's inputs (fastify validates them before a handler runs). Unknown
 * fields are errors, never silently dropped: the app's Ajv runs with removeAdditional and
 * coerceTypes off (app.ts), so "5" is not a number and { extra: 1 } is a 400 naming `extra`.
 * The domain rules (validateEvent, SPEC [L6]) run after these in the push service.
 */
import { LEDGER_EVENT_SCALAR_FIELDS, LEDGER_EVENT_TYPES } from '../../../src/domain/model';
import { MAX_PULL_LIMIT } from '../services/pull';

/** Lowercase only: the database returns lowercase, and a pulled event must equal the pushed one. */
export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
export const MAX_PUSH_EVENTS = 500;
export const MAX_BODY_BYTES = 1024 * 1024;

const uuid = { type: 'string', pattern: UUID_PATTERN } as const;
const uuidOrNull = { type: ['string', 'null'], pattern: UUID_PATTERN } as const;
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;

export const ledgerEventSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...LEDGER_EVENT_SCALAR_FIELDS, 'payload'],
  properties: {
    id: uuid,
    orgId: uuid,
    type: { type: 'string', enum: [...LEDGER_EVENT_TYPES] },
    lotId: uuid,
    locationId: uuid,
    quantityMilli: { type: 'integer' },
    actorId: uuid,
    deviceId: text(200),
    deviceTime: text(40),
    visitId: uuidOrNull,
    containerId: uuidOrNull,
    correctsId: uuidOrNull,
    payload: {
      type: 'object',
      maxProperties: 50,
      additionalProperties: { type: ['string', 'number', 'boolean', 'null'], maxLength: 2000 },
    },
  },
} as const;

export const pushBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['events'],
  properties: { events: { type: 'array', maxItems: MAX_PUSH_EVENTS, items: ledgerEventSchema } },
} as const;

/** Query strings are text: numbers are matched as digits and parsed by the route. */
export const pullQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    epoch: { type: 'string', maxLength: 64 },
    seq: { type: 'string', pattern: '^(0|[1-9][0-9]{0,14})$' },
    limit: { type: 'string', pattern: '^[1-9][0-9]{0,3}$' },
  },
} as const;

export const streamQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { access_token: text(200), protocol: { type: 'string', maxLength: 8 } },
} as const;

export const enrollBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'deviceName'],
  properties: { code: text(64), deviceName: text(100) },
} as const;

export const enrollCodeBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['locationIds'],
  properties: {
    locationIds: { type: 'array', minItems: 1, maxItems: 100, items: uuid },
    orgId: uuid,
    expiresInMinutes: { type: 'integer', minimum: 1, maximum: 30 * 24 * 60 },
  },
} as const;

/** An `:id` path parameter: a lowercase UUID. */
export const idParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: uuid },
} as const;
export const deviceParamsSchema = idParamsSchema;

export { MAX_PULL_LIMIT };
