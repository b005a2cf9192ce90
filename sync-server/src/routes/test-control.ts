/**
 * Test-only controls, registered only with CHAIRSIDE_TEST_CONTROL=1. Browser tests use them to
 * simulate failures a real clinic sees (Wi-Fi dropping mid-sync).
 */
import type { FastifyInstance } from 'fastify';

export function registerTestControlRoutes(app: FastifyInstance): void {
  app.post('/__test__/drop-connections', async (request, reply) => {
    request.log.warn('test control: dropping every open HTTP connection');
    // Close after this reply is flushed so the caller learns the drop happened.
    reply.raw.once('finish', () => app.server.closeAllConnections());
    return { ok: true };
  });
}
