/**
 * The OpenAPI 3.1 description of /api/v1, served at GET /api/v1/openapi.json. Request schemas are
 * the very objects fastify validates with (schemas.ts), so the document cannot drift from the
 * checks; a test asserts every /api/v1 route is described.
 */
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION } from '../../../src/domain/sync/wire';
import { integrationPaths, integrationSchemas } from './integration-openapi';
import { MIN_PROTOCOL } from './meta';
import { recordPaths, recordSchemas } from './records-openapi';
import {
  enrollBodySchema,
  enrollCodeBodySchema,
  ledgerEventSchema,
  pullQuerySchema,
  pushBodySchema,
  UUID_PATTERN,
} from './schemas';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ids = { type: 'array', items: { type: 'string' } };
const rejection = {
  type: 'object',
  required: ['id', 'reason'],
  properties: { id: { type: 'string' }, reason: { type: 'string' } },
};
const respond = (description: string, schema?: unknown) =>
  schema ? { description, ...json(schema) } : { description };

const DEVICE_ERRORS = {
  '400': respond('Invalid input; `field` names it', ref('Error')),
  '401': respond('No, unknown or revoked device token', ref('Unauthorized')),
  '426': respond('Client protocol below the minimum', ref('UpgradeRequired')),
};
const deviceAuth = [{ device: [] }];
const protocolHeader = {
  name: 'X-Chairside-Protocol',
  in: 'header',
  required: true,
  schema: { type: 'integer', minimum: MIN_PROTOCOL },
};

function queryParameters(schema: { properties: Record<string, unknown> }) {
  return Object.entries(schema.properties).map(([name, s]) => ({ name, in: 'query', schema: s }));
}

export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chairside sync API',
      version,
      description: `Protocol ${PROTOCOL_VERSION} (minimum ${MIN_PROTOCOL}); rules in SPEC.md "Sync protocol (v1)".`,
    },
    components: {
      securitySchemes: {
        device: { type: 'http', scheme: 'bearer', description: 'Device token from /api/v1/devices/enroll' },
        admin: {
          type: 'http',
          scheme: 'bearer',
          description:
            'Admin token for one organization or all (CHAIRSIDE_ADMIN_TOKEN, or cli.ts admin-token create)',
        },
      },
      schemas: {
        LedgerEvent: ledgerEventSchema,
        StoredEvent: { allOf: [ledgerEventSchema], properties: { seq: { type: 'integer' } } },
        Checkpoint: {
          type: 'object',
          properties: { epoch: { type: 'string' }, seq: { type: 'integer' } },
        },
        Error: {
          type: 'object',
          required: ['error', 'field', 'eventId', 'message'],
          properties: {
            error: { type: 'string' },
            field: { type: 'string' },
            eventId: { type: ['string', 'null'] },
            message: { type: 'string' },
          },
        },
        Unauthorized: {
          type: 'object',
          properties: {
            error: { const: 'unauthorized' },
            reason: { enum: ['missing_token', 'unknown_token', 'revoked'] },
          },
        },
        UpgradeRequired: {
          type: 'object',
          properties: { error: { const: 'upgrade_required' }, minProtocol: { type: 'integer' } },
        },
        ...integrationSchemas,
        ...recordSchemas,
      },
    },
    paths: {
      '/api/v1/version': {
        get: {
          summary: 'App, protocol and schema versions (no auth)',
          responses: { '200': respond('Versions') },
        },
      },
      '/api/v1/openapi.json': {
        get: { summary: 'This document (no auth)', responses: { '200': respond('OpenAPI 3.1') } },
      },
      '/api/v1/admin/enroll-codes': {
        post: {
          summary: 'Create a one-time enrollment code [S1]',
          security: [{ admin: [] }],
          requestBody: json(enrollCodeBodySchema),
          responses: {
            '201': respond('Code', {
              type: 'object',
              properties: {
                id: { type: 'string', description: 'Names the code in GET /api/v1/admin/enroll-codes/{id}' },
                code: { type: 'string' },
                expiresAt: { type: 'string' },
                locationIds: ids,
              },
            }),
            '400': respond('Invalid input', ref('Error')),
            '401': respond('Not an admin', ref('Unauthorized')),
            '403': respond('The admin token is for another organization [SEC1]'),
            '429': respond('Too many admin requests from this ip [SEC7]'),
          },
        },
      },
      '/api/v1/admin/enroll-codes/{id}': {
        get: {
          summary: 'What became of an enrollment code: unused, used (when, by which device) or expired [S22]',
          security: [{ admin: [] }],
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: UUID_PATTERN } },
          ],
          responses: {
            '200': respond('Status', {
              type: 'object',
              properties: {
                id: { type: 'string' },
                state: { type: 'string', enum: ['unused', 'used', 'expired'] },
                expiresAt: { type: 'string' },
                usedAt: { type: ['string', 'null'] },
                device: {
                  type: ['object', 'null'],
                  properties: { id: { type: 'string' }, name: { type: 'string' } },
                },
              },
            }),
            '401': respond('Not an admin', ref('Unauthorized')),
            '403': respond('The admin token is for another organization [SEC1]'),
            '429': respond('Too many admin requests from this ip [SEC7]'),
            '404': respond('No such code'),
          },
        },
      },
      '/api/v1/admin/devices/{id}/revoke': {
        post: {
          summary: 'Revoke a device token [S1]',
          security: [{ admin: [] }],
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: UUID_PATTERN } },
          ],
          responses: {
            '200': respond('Revoked', {
              type: 'object',
              properties: { deviceId: { type: 'string' }, revokedAt: { type: 'string' } },
            }),
            '401': respond('Not an admin', ref('Unauthorized')),
            '403': respond('The admin token is for another organization [SEC1]'),
            '429': respond('Too many admin requests from this ip [SEC7]'),
            '404': respond('No such device'),
          },
        },
      },
      '/api/v1/devices/enroll': {
        post: {
          summary: 'Exchange a one-time code for a device token [S1]',
          requestBody: json(enrollBodySchema),
          responses: {
            '201': respond('Enrolled', {
              type: 'object',
              properties: {
                deviceId: { type: 'string' },
                token: { type: 'string' },
                orgId: { type: 'string' },
                locationIds: ids,
              },
            }),
            '400': respond('Unknown, used or expired code', ref('Error')),
            '429': respond('Too many enrollment attempts from this ip [SEC7]'),
          },
        },
      },
      '/api/v1/events/push': {
        post: {
          summary: 'Append ledger events, idempotently [S4] (≤ 500 events, ≤ 1 MB)',
          security: deviceAuth,
          parameters: [protocolHeader],
          requestBody: json(pushBodySchema),
          responses: {
            '200': respond('Stored', {
              type: 'object',
              properties: { accepted: ids, duplicates: ids, conflicts: { type: 'array', items: rejection } },
            }),
            '403': respond('Actor, role or organization not allowed; nothing written', {
              type: 'object',
              properties: { error: { const: 'forbidden' }, rejected: { type: 'array', items: rejection } },
            }),
            ...DEVICE_ERRORS,
          },
        },
      },
      '/api/v1/events/pull': {
        get: {
          summary: 'Events after a checkpoint, in sequence order [S6]',
          security: deviceAuth,
          parameters: [protocolHeader, ...queryParameters(pullQuerySchema)],
          responses: {
            '200': respond('A page', {
              type: 'object',
              properties: {
                documents: { type: 'array', items: ref('StoredEvent') },
                checkpoint: ref('Checkpoint'),
                serverTime: { type: 'string' },
              },
            }),
            ...DEVICE_ERRORS,
          },
        },
      },
      '/api/v1/events/stream': {
        get: {
          summary: 'Server-Sent Events: RESYNC, then {epoch, seq} on every advance [S7]',
          description:
            'EventSource clients may pass ?access_token= and ?protocol= instead of headers. ' +
            'Master-data advances arrive as {records: {epoch, seq}} [MD7].',
          security: deviceAuth,
          responses: {
            '200': { description: 'text/event-stream' },
            ...DEVICE_ERRORS,
          },
        },
      },
      ...integrationPaths({ deviceAuth, protocolHeader, deviceErrors: DEVICE_ERRORS }),
      ...recordPaths({ deviceAuth, protocolHeader, deviceErrors: DEVICE_ERRORS }),
    },
  };
}

export function registerOpenApiRoute(app: FastifyInstance, version: string): void {
  const doc = openApiDocument(version);
  app.get('/api/v1/openapi.json', async () => doc);
}
