/** POST /api/v1/events/push and GET /api/v1/events/pull (SPEC [S4]-[S6], [S9]); guarded by deviceGuard. */
import type { FastifyInstance } from 'fastify';
import type { PullService } from '../services/pull';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT } from '../services/pull';
import type { PushService } from '../services/push';
import { invalid } from './api-errors';
import { deviceOf } from './guards';
import { MAX_BODY_BYTES, pullQuerySchema, pushBodySchema } from './schemas';

interface PullQuery {
  epoch?: string;
  seq?: string;
  limit?: string;
}

export function registerEventRoutes(
  api: FastifyInstance,
  deps: { push: PushService; pull: PullService },
): void {
  api.post<{ Body: { events: unknown[] } }>(
    '/api/v1/events/push',
    { bodyLimit: MAX_BODY_BYTES, schema: { body: pushBodySchema } },
    async (request, reply) => {
      const outcome = await deps.push.push(deviceOf(request), request.body.events);
      switch (outcome.kind) {
        case 'invalid':
          return reply.code(400).send(invalid(outcome.field, outcome.message, outcome.eventId));
        case 'forbidden':
          return reply.code(403).send({ error: 'forbidden', rejected: outcome.rejected });
        case 'ok':
          return { accepted: outcome.accepted, duplicates: outcome.duplicates, conflicts: outcome.conflicts };
      }
    },
  );

  api.get<{ Querystring: PullQuery }>(
    '/api/v1/events/pull',
    { schema: { querystring: pullQuerySchema } },
    async (request, reply) => {
      const limit = Number(request.query.limit ?? DEFAULT_PULL_LIMIT);
      if (limit > MAX_PULL_LIMIT) {
        return reply.code(400).send(invalid('limit', `limit must be at most ${MAX_PULL_LIMIT}`));
      }
      return deps.pull.pull(deviceOf(request), {
        epoch: request.query.epoch ?? null,
        seq: Number(request.query.seq ?? 0),
        limit,
      });
    },
  );
}
