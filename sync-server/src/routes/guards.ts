/**
 * Request guards for /api/v1 (SPEC [S2], [S3]), run as onRequest hooks — before the body is read,
 * so an unauthenticated caller cannot make the server parse a megabyte, and a 401 never depends on
 * what the body holds.
 *
 * Device routes: no/unknown/revoked bearer token → 401 `{ error: 'unauthorized', reason }`; then
 * X-Chairside-Protocol missing or below MIN_PROTOCOL → 426 `{ error: 'upgrade_required', minProtocol }`.
 * Routes with `config.queryAuth` (the SSE stream: browsers' EventSource cannot set headers) also
 * accept `?access_token=` and `?protocol=`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROTOCOL_HEADER, type UpgradeRequiredBody } from '../../../src/domain/sync/wire';
import type { AuthService, AuthedDevice } from '../services/auth';
import { bearerToken } from '../services/auth';
import { MIN_PROTOCOL } from './meta';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the device guard on device routes. */
    device: AuthedDevice | null;
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

export function deviceGuard(auth: AuthService) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = bearerToken(request.headers.authorization) ?? queryValue(request, 'access_token') ?? null;
    const result = await auth.authenticateDevice(token);
    if (!result.ok) {
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

export function adminGuard(auth: AuthService) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    if (!(await auth.isAdmin(token))) {
      await reply
        .code(401)
        .send({ error: 'unauthorized', reason: token ? 'unknown_token' : 'missing_token' });
    }
  };
}

/** The authenticated device; only call from handlers behind deviceGuard. */
export function deviceOf(request: FastifyRequest): AuthedDevice {
  if (!request.device) throw new Error('device route without deviceGuard');
  return request.device;
}
