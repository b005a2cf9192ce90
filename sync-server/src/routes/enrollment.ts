/**
 * Enrollment and device administration (SPEC [S1]):
 *   POST /api/v1/admin/enroll-codes { locationIds, orgId?, expiresInMinutes? } → 201 { id, code, expiresAt, locationIds }
 *   GET  /api/v1/admin/enroll-codes/:id → 200 { id, state, expiresAt, usedAt, device } | 404 ([S22])
 *   POST /api/v1/admin/devices/:id/revoke → 200 { deviceId, revokedAt } | 404
 *   POST /api/v1/devices/enroll { code, deviceName } → 201 { deviceId, token, orgId, locationIds }
 * Admin routes need an admin bearer token whose scope covers the code's or device's organization
 * (403 otherwise, [SEC1]); enrollment needs only the code. Both are rate limited per ip ([SEC7]):
 * the limiter hooks run before the guard, so guessing tokens or codes is slowed down too.
 */
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { EnrollRequest } from '../../../src/domain/sync/wire';
import type { AdminTokenService } from '../services/admin-tokens';
import type { AuthService, EnrollCodeRequest } from '../services/auth';
import { InputError } from '../services/auth';
import type { StreamRegistry } from '../services/hub';
import { adminGuard, adminOf } from './guards';
import { deviceParamsSchema, enrollBodySchema, enrollCodeBodySchema, idParamsSchema } from './schemas';

export interface EnrollmentDeps {
  auth: AuthService;
  adminTokens: AdminTokenService;
  /** Open event streams: a revoked device's are closed at once ([SEC6]). */
  streams: StreamRegistry;
}

/** The rate limiters' onRequest hooks (sync.ts makes each once, so all admin routes share one count). */
export interface Limiters {
  enroll: onRequestHookHandler;
  admin: onRequestHookHandler;
}

export function registerEnrollmentRoutes(
  api: FastifyInstance,
  deps: EnrollmentDeps,
  limiters: Limiters,
): void {
  const { auth } = deps;
  api.post<{ Body: EnrollRequest }>(
    '/api/v1/devices/enroll',
    { schema: { body: enrollBodySchema }, onRequest: limiters.enroll },
    async (request, reply) => {
      try {
        return reply.code(201).send(await auth.enroll(request.body.code, request.body.deviceName));
      } catch (error) {
        // Logged without the code: the ip and the name the tablet gave are enough to spot guessing.
        if (error instanceof InputError)
          request.log.warn({ ip: request.ip, deviceName: request.body.deviceName }, 'enrollment failed');
        throw error;
      }
    },
  );

  void api.register(async (admin) => {
    admin.addHook('onRequest', limiters.admin);
    admin.addHook('onRequest', adminGuard(deps.adminTokens));
    admin.post<{ Body: EnrollCodeRequest }>(
      '/api/v1/admin/enroll-codes',
      { schema: { body: enrollCodeBodySchema } },
      async (request, reply) =>
        reply.code(201).send(await auth.createEnrollCode(request.body, adminOf(request))),
    );
    admin.get<{ Params: { id: string } }>(
      '/api/v1/admin/enroll-codes/:id',
      { schema: { params: idParamsSchema } },
      async (request, reply) => {
        const status = await auth.enrollCodeStatus(request.params.id, adminOf(request));
        if (!status) return reply.code(404).send({ error: 'not_found', message: 'no such enrollment code' });
        return status;
      },
    );
    admin.post<{ Params: { id: string } }>(
      '/api/v1/admin/devices/:id/revoke',
      { schema: { params: deviceParamsSchema } },
      async (request, reply) => {
        const revoked = await auth.revoke(request.params.id, adminOf(request));
        if (!revoked) return reply.code(404).send({ error: 'not_found', message: 'no such device' });
        deps.streams.closeDevice(revoked.deviceId);
        return revoked;
      },
    );
  });
}
