/**
 * Enrollment and device administration (SPEC [S1]):
 *   POST /api/v1/admin/enroll-codes { locationIds, orgId?, expiresInMinutes? } → 201 { id, code, expiresAt, locationIds }
 *   GET  /api/v1/admin/enroll-codes/:id → 200 { id, state, expiresAt, usedAt, device } | 404 ([S22])
 *   POST /api/v1/admin/devices/:id/revoke → 200 { deviceId, revokedAt } | 404
 *   POST /api/v1/devices/enroll { code, deviceName } → 201 { deviceId, token, orgId, locationIds }
 * Admin routes need the admin bearer token; enrollment needs only the code.
 */
import type { FastifyInstance } from 'fastify';
import type { EnrollRequest } from '../../../src/domain/sync/wire';
import type { AuthService, EnrollCodeRequest } from '../services/auth';
import { adminGuard } from './guards';
import { deviceParamsSchema, enrollBodySchema, enrollCodeBodySchema, idParamsSchema } from './schemas';

export function registerEnrollmentRoutes(api: FastifyInstance, auth: AuthService): void {
  api.post<{ Body: EnrollRequest }>(
    '/api/v1/devices/enroll',
    { schema: { body: enrollBodySchema } },
    async (request, reply) =>
      reply.code(201).send(await auth.enroll(request.body.code, request.body.deviceName)),
  );

  void api.register(async (admin) => {
    admin.addHook('onRequest', adminGuard(auth));
    admin.post<{ Body: EnrollCodeRequest }>(
      '/api/v1/admin/enroll-codes',
      { schema: { body: enrollCodeBodySchema } },
      async (request, reply) => reply.code(201).send(await auth.createEnrollCode(request.body)),
    );
    admin.get<{ Params: { id: string } }>(
      '/api/v1/admin/enroll-codes/:id',
      { schema: { params: idParamsSchema } },
      async (request, reply) => {
        const status = await auth.enrollCodeStatus(request.params.id);
        if (!status) return reply.code(404).send({ error: 'not_found', message: 'no such enrollment code' });
        return status;
      },
    );
    admin.post<{ Params: { id: string } }>(
      '/api/v1/admin/devices/:id/revoke',
      { schema: { params: deviceParamsSchema } },
      async (request, reply) => {
        const revoked = await auth.revoke(request.params.id);
        if (!revoked) return reply.code(404).send({ error: 'not_found', message: 'no such device' });
        return revoked;
      },
    );
  });
}
