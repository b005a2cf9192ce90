/** Builds the fastify app: routes → services → store. No listening here; main.ts does that. */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { SERVER_DEFAULTS } from './config';
import { registerMetaRoutes } from './routes/meta';
import { registerOpenApiRoute } from './routes/openapi';
import type { MetaStore } from './routes/meta';
import { registerStatic } from './routes/static';
import { registerSyncRoutes } from './routes/sync';
import { registerTestControlRoutes } from './routes/test-control';
import { redactUrl, registerSecurity, serverOptions } from './security';
import type { HardeningConfig } from './security';
import type { SyncServices } from './services/sync';

export interface AppDeps {
  store: MetaStore;
  /** The hardening settings are optional: absent ones take SERVER_DEFAULTS (config.ts). */
  config: Pick<Config, 'logLevel' | 'staticDir' | 'testControl'> & HardeningConfig;
  /** package.json version, reported by /api/v1/version. */
  version: string;
  /** The sync API; absent in tests of the meta/static routes alone. */
  sync?: SyncServices;
  /** Started with `--demo`: the demo routes exist (routes/demo.ts, SPEC [S23]). */
  demo?: boolean;
  /** Where log lines go (default stdout); tests capture them. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { store, config, version, sync, demo } = deps;
  const app = Fastify({
    ...serverOptions(config),
    logger: {
      level: config.logLevel,
      ...(deps.logStream ? { stream: deps.logStream } : {}),
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
  await registerSecurity(app, config);
  registerMetaRoutes(app, { store, version });
  registerOpenApiRoute(app, version);
  if (sync) {
    const limits = {
      enrollPerMinute: config.enrollRateLimit ?? SERVER_DEFAULTS.enrollRateLimit,
      adminPerMinute: config.adminRateLimit ?? SERVER_DEFAULTS.adminRateLimit,
    };
    await registerSyncRoutes(app, sync, { demo, limits });
  }
  if (config.testControl) registerTestControlRoutes(app);
  await registerStatic(app, config.staticDir);
  return app;
}
