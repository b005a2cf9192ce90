/**
 * OpenAPI paths and schemas of the records API (routes/records.ts, SPEC [MD5]-[MD7]), merged into
 * the served document by openapi.ts. Request schemas are the objects fastify validates with.
 */
import { RECORD_FIELD_DEFAULTS, RECORD_FIELDS, RECORD_KINDS } from '../../../src/domain/replica';
import type { OpenApiParts } from './integration-openapi';
import {
  pulledRecordSchema,
  pushedRecordSchema,
  recordsPullQuerySchema,
  recordsPushBodySchema,
} from './record-schemas';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ids = { type: 'array', items: { type: 'string' } };

const componentName = (kind: string) =>
  kind.replace(/(^|_)([a-z])/g, (_m, _sep: string, c: string) => c.toUpperCase()) + 'Data';

/**
 * Each kind's `data` as its one definition says it ([MD11]), e.g. `PurchaseOrdersData`; the
 * service checks it after merging, so a fields-with-defaults record ([MD10]) may omit those.
 */
const kindDataSchemas = Object.fromEntries(
  RECORD_KINDS.map((kind) => [
    componentName(kind),
    {
      type: 'object',
      additionalProperties: false,
      properties: RECORD_FIELDS[kind],
      required: Object.keys(RECORD_FIELDS[kind]).filter(
        (f) => !Object.hasOwn(RECORD_FIELD_DEFAULTS[kind], f),
      ),
    },
  ]),
);

export const recordSchemas = {
  ...kindDataSchemas,
  PushedRecord: pushedRecordSchema,
  PulledRecord: pulledRecordSchema,
  RecordError: {
    type: 'object',
    required: ['error', 'field', 'recordId', 'message'],
    properties: {
      error: { type: 'string' },
      field: { type: 'string' },
      recordId: { type: ['string', 'null'] },
      message: { type: 'string' },
    },
  },
};

export function recordPaths(parts: OpenApiParts): Record<string, unknown> {
  const errors = {
    ...parts.deviceErrors,
    '400': { description: 'Invalid input', ...json(ref('RecordError')) },
  };
  return {
    '/api/v1/records/push': {
      post: {
        summary: 'Merge master-data records per field, last writer wins [MD6] (≤ 500 records, ≤ 1 MB)',
        description:
          'Unknown kind or field, a bad or future clock, or an invalid merged value → 400 naming field ' +
          'and recordId; nothing of the batch is written.',
        security: parts.deviceAuth,
        parameters: [parts.protocolHeader],
        requestBody: json(recordsPushBodySchema),
        responses: {
          '200': {
            description: 'Merged',
            ...json({
              type: 'object',
              properties: {
                changed: ids,
                unchanged: ids,
                clocksNotTaken: {
                  description:
                    "The server's copies of records whose clock-only change the actor may not make [A4]",
                  type: 'array',
                  items: { type: 'object', required: ['kind', 'id', 'data', 'clocks'] },
                },
              },
            }),
          },
          '403': {
            description: 'Actor, role or organization not allowed [MD5]; nothing written',
            ...json({
              type: 'object',
              properties: {
                error: { const: 'forbidden' },
                rejected: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['kind', 'id', 'reason'],
                    properties: {
                      kind: { type: 'string' },
                      id: { type: 'string' },
                      reason: { type: 'string' },
                    },
                  },
                },
              },
            }),
          },
          ...errors,
        },
      },
    },
    '/api/v1/records/pull': {
      get: {
        summary: 'Records of one kind after a checkpoint, in sequence order [MD7]',
        security: parts.deviceAuth,
        parameters: [
          parts.protocolHeader,
          ...Object.entries(recordsPullQuerySchema.properties).map(([name, schema]) => ({
            name,
            in: 'query',
            required: name === 'kind',
            schema,
          })),
        ],
        responses: {
          '200': {
            description: 'A page',
            ...json({
              type: 'object',
              properties: {
                documents: { type: 'array', items: ref('PulledRecord') },
                checkpoint: ref('Checkpoint'),
                serverTime: { type: 'string' },
              },
            }),
          },
          ...errors,
        },
      },
    },
  };
}
