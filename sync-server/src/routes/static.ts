/**
 * Serves the built PWA. Cache policy (why: a stale index.html or service worker pins tablets to an
 * old release, while hashed assets never change under the same name):
 *   - /assets/* (content-hashed by vite) → cached for a year, immutable;
 *   - everything else (index.html, sw.js, registerSW.js, manifest.webmanifest, icons) → no-cache,
 *     i.e. revalidate with the ETag every time.
 * Unknown paths that look like page navigations (GET, Accept: text/html, not /api) get index.html so
 * client-side routes survive a reload.
 */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';
export const NOT_BUILT_MESSAGE = 'PWA not built: run npm run build';

/** Cache-Control for a file inside the static root: cacheControlFor('assets/index-3f9a.js') = IMMUTABLE. */
export function cacheControlFor(relativePath: string): string {
  return relativePath.split(sep).join('/').startsWith('assets/') ? IMMUTABLE : NO_CACHE;
}

export async function registerStatic(app: FastifyInstance, staticDir: string): Promise<void> {
  const built = existsSync(join(staticDir, 'index.html'));
  if (!built) {
    app.log.warn({ staticDir }, NOT_BUILT_MESSAGE);
    app.get('/', async (_request, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT_MESSAGE),
    );
  } else {
    await app.register(fastifyStatic, {
      root: staticDir,
      cacheControl: false,
      wildcard: true,
      setHeaders: (reply, path) => reply.header('cache-control', cacheControlFor(relative(staticDir, path))),
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    if (!isPageNavigation(request)) return notFound(request, reply);
    if (!built) return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT_MESSAGE);
    return reply.header('cache-control', NO_CACHE).sendFile('index.html');
  });
}

function isPageNavigation(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  const isApi = path === '/api' || path.startsWith('/api/');
  return request.method === 'GET' && !isApi && (request.headers.accept ?? '').includes('text/html');
}

function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .send({ error: 'not_found', message: `no route for ${request.method} ${request.url}` });
}
