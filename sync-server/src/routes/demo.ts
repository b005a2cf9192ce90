/**
 * Only on a server started with `--demo` (SPEC [S23]): a browser on the server's own machine may
 * take a one-time enrollment code for the demo clinic without the admin token, so trying the demo
 * needs no copying of tokens. Servers started without `--demo` do not have these routes (404).
 *
 *   GET  /api/v1/demo → 200 { demo: true, sameHost }
 *   POST /api/v1/demo/enroll-code → 201 { id, code, expiresAt, locationIds } | 403 not from this machine
 *
 * "This machine" is strict: the connection comes from a loopback address, no proxy header is
 * present (a proxy on the same machine would make every remote browser look local), and the Host
 * the browser asked for is a loopback name.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DEMO_IDS } from '../../../src/domain/demo/clinic';
import type { DemoServerInfo } from '../../../src/domain/sync/wire';
import type { AuthService } from '../services/auth';

/** Demo codes are for trying things now: valid for 10 minutes, for both demo locations. */
export const DEMO_CODE_MINUTES = 10;

const LOOPBACK_IPS = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

/** "localhost:8080" → "localhost", "[::1]:8080" → "[::1]". */
function hostName(host: string | undefined): string {
  const value = (host ?? '').toLowerCase();
  return value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) : (value.split(':')[0] ?? '');
}

export function fromThisMachine(request: FastifyRequest): boolean {
  if (!LOOPBACK_IPS.has(request.socket.remoteAddress ?? '')) return false;
  if (PROXY_HEADERS.some((h) => request.headers[h] !== undefined)) return false;
  return LOOPBACK_HOSTS.has(hostName(request.headers.host));
}

export function registerDemoRoutes(api: FastifyInstance, auth: AuthService): void {
  api.get('/api/v1/demo', async (request): Promise<DemoServerInfo> => ({
    demo: true,
    sameHost: fromThisMachine(request),
  }));
  api.post('/api/v1/demo/enroll-code', async (request, reply) => {
    if (!fromThisMachine(request)) {
      return reply.code(403).send({
        error: 'forbidden',
        message: 'demo codes are given only to a browser on the server’s machine; ask an admin for a code',
      });
    }
    const locationIds = [DEMO_IDS.mainLocation, DEMO_IDS.satelliteLocation];
    return reply
      .code(201)
      .send(await auth.createEnrollCode({ locationIds, expiresInMinutes: DEMO_CODE_MINUTES }));
  });
}
