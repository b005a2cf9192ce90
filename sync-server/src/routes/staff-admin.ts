/**
 * Staff and locations through the admin API, and a person's own PIN change (SPEC [A2], [A8], [A9]):
 *   PUT  /api/v1/admin/orgs/:orgId/staff/:id      { name, role, locationIds, pin? } → 200 { id, seq }
 *   PUT  /api/v1/admin/orgs/:orgId/locations/:id  { name, storage }                 → 200 { id, seq }
 *   POST /api/v1/staff/:id/pin                    { oldPin, newPin } (device token) → 200 { id, seq }
 * A device push that changes staff or locations is refused (record-plan.ts); these are the way.
 */
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { Type, type Static } from 'typebox';
import { ROLES } from '../../../src/domain/model';
import type { AdminTokenService } from '../services/admin-tokens';
import type { StaffAdminService } from '../services/staff-admin';
import { adminGuard, deviceOf } from './guards';
import { UUID_PATTERN } from './schemas';

const uuid = Type.String({ pattern: UUID_PATTERN });
const pin = Type.String({ pattern: '^[0-9]{4,8}$' });
const orgParams = Type.Object({ orgId: uuid, id: uuid }, { additionalProperties: false });
const staffBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: Type.Unsafe<(typeof ROLES)[number]>({ type: 'string', enum: [...ROLES] }),
    locationIds: Type.Array(uuid, { maxItems: 100 }),
    pin: Type.Optional(pin),
  },
  { additionalProperties: false },
);
const locationBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), storage: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);
const pinBody = Type.Object({ oldPin: pin, newPin: pin }, { additionalProperties: false });
const idParams = Type.Object({ id: uuid }, { additionalProperties: false });

export function registerStaffAdminRoutes(
  api: FastifyInstance,
  deps: { adminTokens: AdminTokenService; staffAdmin: StaffAdminService },
  adminLimiter: onRequestHookHandler,
): void {
  void api.register(async (admin) => {
    admin.addHook('onRequest', adminLimiter);
    // The guard checks the token's organization against :orgId (403 otherwise, [SEC1]).
    admin.addHook('onRequest', adminGuard(deps.adminTokens));
    admin.put<{ Params: Static<typeof orgParams>; Body: Static<typeof staffBody> }>(
      '/api/v1/admin/orgs/:orgId/staff/:id',
      { schema: { params: orgParams, body: staffBody } },
      async (request) => deps.staffAdmin.putStaff(request.params.orgId, request.params.id, request.body),
    );
    admin.put<{ Params: Static<typeof orgParams>; Body: Static<typeof locationBody> }>(
      '/api/v1/admin/orgs/:orgId/locations/:id',
      { schema: { params: orgParams, body: locationBody } },
      async (request) => deps.staffAdmin.putLocation(request.params.orgId, request.params.id, request.body),
    );
  });
}

/** Behind deviceGuard: the device names its organization; the old PIN proves the person. */
export function registerOwnPinRoute(api: FastifyInstance, deps: { staffAdmin: StaffAdminService }): void {
  api.post<{ Params: Static<typeof idParams>; Body: Static<typeof pinBody> }>(
    '/api/v1/staff/:id/pin',
    { schema: { params: idParams, body: pinBody } },
    async (request) =>
      deps.staffAdmin.changeOwnPin(
        deviceOf(request).orgId,
        request.params.id,
        request.body.oldPin,
        request.body.newPin,
      ),
  );
}
