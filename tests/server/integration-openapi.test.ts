import type { HTTPMethods } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteBackend } from './backends';
import { startHarness } from './sync-harness';

const backend = pgliteBackend();
afterAll(() => backend.cleanup());

describe('integration API in the OpenAPI document', () => {
  it('[S2][PO5] /api/v1/openapi.json describes stock, visit COGS, recall, purchase orders and receipts, with device auth, and the routes exist', async () => {
    const h = await startHarness(await backend.createDatabase());
    try {
      const doc = (await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
        paths: Record<string, Record<string, { security?: unknown; parameters?: { name: string }[] }>>;
        components: { schemas: Record<string, unknown> };
      }>();
      const expected = {
        '/api/v1/stock': ['X-Chairside-Protocol', 'locationId', 'lotId'],
        '/api/v1/visits/{visitId}/cogs': ['X-Chairside-Protocol', 'visitId'],
        '/api/v1/recall': ['X-Chairside-Protocol', 'gtin', 'lot'],
        '/api/v1/purchase-orders': ['X-Chairside-Protocol', 'status'],
        '/api/v1/purchase-orders/{orderId}': ['X-Chairside-Protocol', 'orderId'],
        '/api/v1/receipts': ['X-Chairside-Protocol', 'purchaseOrderId'],
      };
      for (const [path, names] of Object.entries(expected)) {
        const op = doc.paths[path]?.get;
        expect(op?.security, path).toEqual([{ device: [] }]);
        expect(op?.parameters?.map((p) => p.name)).toEqual(names);
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        expect(h.app.hasRoute({ method: 'GET' as HTTPMethods, url }), path).toBe(true);
      }
      expect(Object.keys(doc.components.schemas)).toEqual(
        expect.arrayContaining([
          'StockLine',
          'CogsLine',
          'RecallVisit',
          'PurchaseOrder',
          'OrderLine',
          'Receipt',
          'ReceiptLine',
        ]),
      );
    } finally {
      await h.close();
    }
  });
});
