/**
 * The integration API (read side), guarded by deviceGuard like the sync routes:
 *   GET /api/v1/stock?locationId=&lotId=      → { stock: StockLine[] }
 *   GET /api/v1/visits/:visitId/cogs          → { visitId, locationId, lines, cogsCents, unpricedEventIds } | 404
 *   GET /api/v1/recall?gtin=&lot=             → { gtin, lotNumber, products, lots, visits, onHand }
 *   GET /api/v1/purchase-orders?status=       → { purchaseOrders: OrderView[] }           ([PO5])
 *   GET /api/v1/purchase-orders/:orderId      → OrderView & { receipts } | 404
 *   GET /api/v1/receipts?purchaseOrderId=     → { receipts: ReceiptView[] }
 * Writes go through POST /api/v1/events/push (same idempotent rules, [S4]). Shapes: integration-openapi.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { IntegrationService } from '../services/integration';
import { exactJson } from './exact-json';
import { deviceOf } from './guards';
import {
  orderParamsSchema,
  ordersQuerySchema,
  recallQuerySchema,
  receiptsQuerySchema,
  stockQuerySchema,
  visitParamsSchema,
} from './integration-schemas';

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

  api.get<{ Querystring: { status?: string } }>(
    '/api/v1/purchase-orders',
    { schema: { querystring: ordersQuerySchema } },
    async (request) => ({
      purchaseOrders: await integration.purchaseOrders(deviceOf(request), {
        id: null,
        status: request.query.status ?? null,
      }),
    }),
  );

  api.get<{ Params: { orderId: string } }>(
    '/api/v1/purchase-orders/:orderId',
    { schema: { params: orderParamsSchema } },
    async (request, reply) => {
      const device = deviceOf(request);
      const [order] = await integration.purchaseOrders(device, { id: request.params.orderId, status: null });
      if (!order) return reply.code(404).send({ error: 'not_found', message: 'no such purchase order' });
      return { ...order, receipts: await integration.receipts(device, order.id) };
    },
  );

  api.get<{ Querystring: { purchaseOrderId?: string } }>(
    '/api/v1/receipts',
    { schema: { querystring: receiptsQuerySchema } },
    async (request) => ({
      receipts: await integration.receipts(deviceOf(request), request.query.purchaseOrderId ?? null),
    }),
  );
}
