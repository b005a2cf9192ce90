/**
 * Registers the sync API (SPEC [S1]-[S9], [MD6]-[MD7]) and the integration API (integration.ts) in
 * one scope: one error shape (api-errors.ts), the device guard on /api/v1/events/*,
 * /api/v1/records/* and the integration routes, the admin guard on /api/v1/admin/*; the demo routes
 * only on a server started with `--demo` (demo.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
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

/** Requests per ip per minute ([SEC7]); app.ts fills them from the config. */
export interface RateLimits {
  enrollPerMinute: number;
  adminPerMinute: number;
}

/** Needs @fastify/rate-limit registered on `app` (app.ts does). */
function limiter(app: FastifyInstance, name: string, max: number) {
  return app.rateLimit({
    max,
    timeWindow: 60_000,
    onExceeded: (request: FastifyRequest) => {
      request.log.warn({ ip: request.ip, limiter: name, max }, 'rate limit reached');
    },
  });
}

export async function registerSyncRoutes(
  app: FastifyInstance,
  sync: SyncServices,
  opts: { demo?: boolean; limits: RateLimits },
): Promise<void> {
  app.decorateRequest('device', null);
  app.decorateRequest('admin', null);
  // Made once each: every admin route shares one count per ip, as does enrollment.
  const limiters = {
    enroll: limiter(app, 'enroll', opts.limits.enrollPerMinute),
    admin: limiter(app, 'admin', opts.limits.adminPerMinute),
  };
  await app.register(async (api) => {
    api.setErrorHandler(apiErrorHandler);
    registerEnrollmentRoutes(api, sync, limiters);
    if (opts.demo) registerDemoRoutes(api, sync.auth);
    registerStaffAdminRoutes(api, sync, limiters.admin);
    await api.register(async (devices) => {
      devices.addHook('onRequest', deviceGuard(sync.auth));
      registerEventRoutes(devices, sync);
      registerRecordRoutes(devices, sync);
      registerOwnPinRoute(devices, sync);
      registerStreamRoute(devices, {
        hub: sync.hub,
        epoch: sync.epoch,
        streams: sync.streams,
        auth: sync.auth,
        heartbeatMs: sync.heartbeatMs,
      });
      registerIntegrationRoutes(devices, sync.integration);
    });
  });
}
