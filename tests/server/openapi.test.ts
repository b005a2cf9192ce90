import type { HTTPMethods } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteBackend } from './backends';
import { startHarness } from './sync-harness';

const backend = pgliteBackend();
afterAll(() => backend.cleanup());

describe('OpenAPI document', () => {
  it('is served without auth at /api/v1/openapi.json and describes only routes that exist', async () => {
    const h = await startHarness(await backend.createDatabase());
    try {
      const res = await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
      expect(doc.openapi).toBe('3.1.0');
      const described = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => ({
          method: m.toUpperCase() as HTTPMethods,
          url: path.replace(/\{(\w+)\}/g, ':$1'),
        })),
      );
      expect(described).toHaveLength(17); // with purchase orders, one order and receipts ([PO5])
      for (const route of described) expect(h.app.hasRoute(route), `${route.method} ${route.url}`).toBe(true);
    } finally {
      await h.close();
    }
  });
});
