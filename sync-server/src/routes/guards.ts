/**
 * Request guards for /api/v1 (SPEC [S2], [S3]), run as onRequest hooks — before the body is read,
 * so an unauthenticated caller cannot make the server parse a megabyte, and a 401 never depends on
 * what the body holds.
 *
 * Device routes: no/unknown/revoked bearer token → 401 `{ error: 'unauthorized', reason }`; then
 * X-Chairside-Protocol missing or below MIN_PROTOCOL → 426 `{ error: 'upgrade_required', minProtocol }`.
 * Routes with `config.queryAuth` (the SSE stream: browsers' EventSource cannot set headers) also
 * accept `?access_token=` and `?protocol=`.
 *
 * Admin routes: no/unknown/revoked admin token → 401; a token of organization A on a route naming
 * organization B in its path (`:orgId`) → 403 `{ error: 'forbidden', reason: 'wrong_organization' }`
 * ([SEC1]); routes that name an organization only through a code or device id check the scope in
 * the service (OrgScopeError, also 403). Failures are logged at warn with the ip, never the token.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROTOCOL_HEADER, type UpgradeRequiredBody } from '../../../src/domain/sync/wire';
import type { AdminScope } from '../services/admin-scope';
import { OrgScopeError } from '../services/admin-scope';
import type { AdminTokenService } from '../services/admin-tokens';
import type { AuthService, AuthedDevice } from '../services/auth';
import { bearerToken } from '../services/auth';
import { MIN_PROTOCOL } from './meta';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the device guard on device routes. */
    device: AuthedDevice | null;
    /** Set by the admin guard on admin routes. */
    admin: AdminScope | null;
  }
  interface FastifyContextConfig {
    queryAuth?: boolean;
  }
}

function queryValue(request: FastifyRequest, name: string): string | undefined {
  if (!request.routeOptions.config.queryAuth) return undefined;
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** "3" → 3; missing or not a whole number → 0 (treated as too old). */
export function protocolOf(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value;
  return text !== undefined && /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : 0;
}

/** The device token a request carries: the bearer header, or `?access_token=` on queryAuth routes. */
export function deviceTokenOf(request: FastifyRequest): string | null {
  return bearerToken(request.headers.authorization) ?? queryValue(request, 'access_token') ?? null;
}

export function deviceGuard(auth: AuthService) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const result = await auth.authenticateDevice(deviceTokenOf(request));
    if (!result.ok) {
      request.log.warn({ ip: request.ip, reason: result.reason }, 'device authentication failed');
      await reply.code(401).send({ error: 'unauthorized', reason: result.reason });
      return;
    }
    const protocol = protocolOf(request.headers[PROTOCOL_HEADER] ?? queryValue(request, 'protocol'));
    if (protocol < MIN_PROTOCOL) {
      const body: UpgradeRequiredBody = { error: 'upgrade_required', minProtocol: MIN_PROTOCOL };
      await reply.code(426).send(body);
      return;
    }
    request.device = result.device;
  };
}

export function adminGuard(adminTokens: AdminTokenService) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    const scope = await adminTokens.authenticate(token);
    if (!scope) {
      const reason = token ? 'unknown_token' : 'missing_token';
      request.log.warn({ ip: request.ip, reason }, 'admin authentication failed');
      await reply.code(401).send({ error: 'unauthorized', reason });
      return;
    }
    const orgId = (request.params as Record<string, unknown> | undefined)?.orgId;
    if (typeof orgId === 'string' && scope.orgId !== null && scope.orgId !== orgId) {
      await reply.code(403).send(wrongOrganization(request, new OrgScopeError(scope, orgId)));
      return;
    }
    request.admin = scope;
  };
}

/** The 403 body for an admin token used on another organization, logged at warn. */
export function wrongOrganization(request: FastifyRequest, error: OrgScopeError) {
  request.log.warn(
    { ip: request.ip, adminTokenId: error.scope.tokenId, orgId: error.orgId },
    'admin token used outside its organization',
  );
  return { error: 'forbidden', reason: 'wrong_organization', message: error.message } as const;
}

/** The admin caller's scope; only call from handlers behind adminGuard. */
export function adminOf(request: FastifyRequest): AdminScope {
  if (!request.admin) throw new Error('admin route without adminGuard');
  return request.admin;
}

/** The authenticated device; only call from handlers behind deviceGuard. */
export function deviceOf(request: FastifyRequest): AuthedDevice {
  if (!request.device) throw new Error('device route without deviceGuard');
  return request.device;
}
