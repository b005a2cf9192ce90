/** Health and version endpoints: what load balancers, the tablet and humans poll. */
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION } from '../../../src/domain/sync/wire';
import type { Store } from '../store/store';

/** Oldest client protocol the server still serves; older clients get 426 (SPEC [S3]). */
export const MIN_PROTOCOL = 1;

/** The slice of the Store these routes need (tests pass a stub). */
export type MetaStore = Pick<Store, 'kind' | 'ping' | 'schemaVersion'>;

export function registerMetaRoutes(app: FastifyInstance, deps: { store: MetaStore; version: string }): void {
  const { store, version } = deps;

  app.get('/healthz', async (request, reply) => {
    try {
      await store.ping();
      return { ok: true, store: store.kind, schemaVersion: await store.schemaVersion() };
    } catch (error) {
      // The reason goes to the log only: a database error can name hosts, users and paths ([SV6]).
      request.log.error({ err: error }, 'health check: store unreachable');
      return reply.code(503).send({ ok: false, error: 'store unavailable' });
    }
  });

  app.get('/api/v1/version', async () => ({
    app: version,
    protocol: PROTOCOL_VERSION,
    minProtocol: MIN_PROTOCOL,
    schemaVersion: await store.schemaVersion(),
  }));
}
