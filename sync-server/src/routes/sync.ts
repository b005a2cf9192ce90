/**
 * Registers the sync API (SPEC [S1]-[S9], [MD6]-[MD7]) and the integration API (integration.ts) in
 * one scope: one error shape (api-errors.ts), the device guard on /api/v1/events/*,
 * /api/v1/records/* and the integration routes, the admin guard on /api/v1/admin/*; the demo routes
 * only on a server started with `--demo` (demo.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { SyncServices } from '../services/sync';
import { apiErrorHandler } from './api-errors';
import { registerDemoRoutes } from './demo';
import { registerEnrollmentRoutes } from './enrollment';
import { registerEventRoutes } from './events';
import { deviceGuard } from './guards';
import { registerIntegrationRoutes } from './integration';
import { registerRecordRoutes } from './records';
import { registerOwnPinRoute, registerStaffAdminRoutes } from './staff-admin';
import { registerStreamRoute } from './stream';

export async function registerSyncRoutes(
  app: FastifyInstance,
  sync: SyncServices,
  opts: { demo?: boolean } = {},
): Promise<void> {
  app.decorateRequest('device', null);
  await app.register(async (api) => {
    api.setErrorHandler(apiErrorHandler);
    registerEnrollmentRoutes(api, sync.auth);
    if (opts.demo) registerDemoRoutes(api, sync.auth);
    registerStaffAdminRoutes(api, sync);
    await api.register(async (devices) => {
      devices.addHook('onRequest', deviceGuard(sync.auth));
      registerEventRoutes(devices, sync);
      registerRecordRoutes(devices, sync);
      registerOwnPinRoute(devices, sync);
      registerStreamRoute(devices, { hub: sync.hub, epoch: sync.epoch, heartbeatMs: sync.heartbeatMs });
      registerIntegrationRoutes(devices, sync.integration);
    });
  });
}
