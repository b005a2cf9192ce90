/** Builds the fastify app: routes → services → store. No listening here; main.ts does that. */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { registerMetaRoutes } from './routes/meta';
import { registerOpenApiRoute } from './routes/openapi';
import type { MetaStore } from './routes/meta';
import { registerStatic } from './routes/static';
import { registerSyncRoutes } from './routes/sync';
import { registerTestControlRoutes } from './routes/test-control';
import type { SyncServices } from './services/sync';

export interface AppDeps {
  store: MetaStore;
  config: Pick<Config, 'logLevel' | 'staticDir' | 'testControl'>;
  /** package.json version, reported by /api/v1/version. */
  version: string;
  /** The sync API; absent in tests of the meta/static routes alone. */
  sync?: SyncServices;
  /** Started with `--demo`: the demo routes exist (routes/demo.ts, SPEC [S23]). */
  demo?: boolean;
}

/** Request URLs as logged: a stream's ?access_token= must never reach the logs. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]access_token=)[^&]*/g, '$1[redacted]');
}

export async function buildApp({ store, config, version, sync, demo }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          url: redactUrl(req.url),
          remoteAddress: req.ip,
        }),
      },
    },
    // Unknown fields and wrong types are 400s (SPEC [S4]), never silently dropped or coerced.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allowUnionTypes: true } },
  });
  registerMetaRoutes(app, { store, version });
  registerOpenApiRoute(app, version);
  if (sync) await registerSyncRoutes(app, sync, { demo });
  if (config.testControl) registerTestControlRoutes(app);
  await registerStatic(app, config.staticDir);
  return app;
}
