/** Builds the fastify app: routes → services → store. No listening here; main.ts does that. */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { registerMetaRoutes } from './routes/meta';
import type { MetaStore } from './routes/meta';
import { registerStatic } from './routes/static';
import { registerTestControlRoutes } from './routes/test-control';

export interface AppDeps {
  store: MetaStore;
  config: Pick<Config, 'logLevel' | 'staticDir' | 'testControl'>;
  /** package.json version, reported by /api/v1/version. */
  version: string;
}

export async function buildApp({ store, config, version }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: config.logLevel } });
  registerMetaRoutes(app, { store, version });
  if (config.testControl) registerTestControlRoutes(app);
  await registerStatic(app, config.staticDir);
  return app;
}
