/**
 * POST /api/v1/records/push and GET /api/v1/records/pull (SPEC [MD5]-[MD7]); guarded by
 * deviceGuard like the events routes, so 401 and 426 come before the body is read ([S11]). The
 * handlers' input types are derived from the schemas fastify validates (record-schemas.ts).
 */
import type { FastifyInstance } from 'fastify';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT } from '../services/pull';
import type { RecordService } from '../services/records';
import { invalidRecord } from './api-errors';
import { deviceOf } from './guards';
import {
  recordsPullQuerySchema,
  recordsPushBodySchema,
  type RecordsPullQuery,
  type RecordsPushBody,
} from './record-schemas';
import { MAX_BODY_BYTES } from './schemas';

export function registerRecordRoutes(api: FastifyInstance, deps: { records: RecordService }): void {
  api.post<{ Body: RecordsPushBody }>(
    '/api/v1/records/push',
    { bodyLimit: MAX_BODY_BYTES, schema: { body: recordsPushBodySchema } },
    async (request, reply) => {
      const { outcome, skipped } = await deps.records.push(deviceOf(request), request.body.records);
      if (skipped.length > 0)
        request.log.warn({ skipped }, 'records stored but not projected to typed tables');
      switch (outcome.kind) {
        case 'invalid':
          return reply.code(400).send(invalidRecord(outcome.field, outcome.message, outcome.recordId));
        case 'forbidden':
          return reply.code(403).send({ error: 'forbidden', rejected: outcome.rejected });
        case 'ok':
          return {
            changed: outcome.changed,
            unchanged: outcome.unchanged,
            // Listed only when there are some: the common answer stays as small as before.
            ...(outcome.clocksNotTaken?.length ? { clocksNotTaken: outcome.clocksNotTaken } : {}),
          };
      }
    },
  );

  api.get<{ Querystring: RecordsPullQuery }>(
    '/api/v1/records/pull',
    { schema: { querystring: recordsPullQuerySchema } },
    async (request, reply) => {
      const limit = Number(request.query.limit ?? DEFAULT_PULL_LIMIT);
      if (limit > MAX_PULL_LIMIT) {
        return reply.code(400).send(invalidRecord('limit', `limit must be at most ${MAX_PULL_LIMIT}`));
      }
      return deps.records.pull(deviceOf(request), {
        kind: request.query.kind,
        epoch: request.query.epoch ?? null,
        seq: Number(request.query.seq ?? 0),
        limit,
      });
    },
  );
}
