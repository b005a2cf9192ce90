/**
 * The integration API (read side), guarded by deviceGuard like the sync routes:
 *   GET /api/v1/stock?locationId=&lotId=      → { stock: StockLine[] }
 *   GET /api/v1/visits/:visitId/cogs          → { visitId, locationId, lines, cogsCents, unpricedEventIds } | 404
 *   GET /api/v1/recall?gtin=&lot=             → { gtin, lotNumber, products, lots, visits, onHand }
 * Writes go through POST /api/v1/events/push (same idempotent rules, [S4]). Shapes: integration-openapi.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { IntegrationService } from '../services/integration';
import { exactJson } from './exact-json';
import { deviceOf } from './guards';
import { recallQuerySchema, stockQuerySchema, visitParamsSchema } from './integration-schemas';

export function registerIntegrationRoutes(api: FastifyInstance, integration: IntegrationService): void {
  api.get<{ Querystring: { locationId?: string; lotId?: string } }>(
    '/api/v1/stock',
    { schema: { querystring: stockQuerySchema } },
    async (request, reply) => {
      const stock = await integration.stock(deviceOf(request), {
        locationId: request.query.locationId ?? null,
        lotId: request.query.lotId ?? null,
      });
      // Balances beyond 2^53 (from before the bounds, [Q4]) come as BigInt: sent as exact digits.
      return reply.type('application/json; charset=utf-8').send(exactJson(stock));
    },
  );

  api.get<{ Params: { visitId: string } }>(
    '/api/v1/visits/:visitId/cogs',
    { schema: { params: visitParamsSchema } },
    async (request, reply) => {
      const cogs = await integration.visitCogs(deviceOf(request), request.params.visitId);
      if (!cogs)
        return reply.code(404).send({ error: 'not_found', message: 'no draws recorded for this visit' });
      return cogs;
    },
  );

  api.get<{ Querystring: { gtin: string; lot: string } }>(
    '/api/v1/recall',
    { schema: { querystring: recallQuerySchema } },
    async (request, reply) => {
      const recall = await integration.recall(deviceOf(request), request.query.gtin, request.query.lot);
      // Its on-hand balances may be BigInt like the stock's ([Q4]).
      return reply.type('application/json; charset=utf-8').send(exactJson(recall));
    },
  );
}
