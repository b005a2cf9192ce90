import { Agent, request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../sync-server/src/app';
import type { AppDeps } from '../../sync-server/src/app';
import type { MetaStore } from '../../sync-server/src/routes/meta';
import { IMMUTABLE, NOT_BUILT_MESSAGE } from '../../sync-server/src/routes/static';

const INDEX_HTML = '<!doctype html><title>Chairside test shell</title>';
const HTML = { accept: 'text/html,application/xhtml+xml' };

const okStore: MetaStore = { kind: 'pglite', ping: async () => undefined, schemaVersion: async () => 1 };
let builtDir = '';
let emptyDir = '';
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  builtDir = await mkdtemp(join(tmpdir(), 'chairside-dist-'));
  emptyDir = await mkdtemp(join(tmpdir(), 'chairside-nodist-'));
  await mkdir(join(builtDir, 'assets'));
  await writeFile(join(builtDir, 'index.html'), INDEX_HTML);
  await writeFile(join(builtDir, 'sw.js'), 'self.addEventListener("install", () => {});');
  await writeFile(join(builtDir, 'manifest.webmanifest'), '{"name":"Chairside"}');
  await writeFile(join(builtDir, 'assets', 'index-3f9a1c.js'), 'console.log(1);');
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});
afterAll(async () => {
  await rm(builtDir, { recursive: true, force: true });
  await rm(emptyDir, { recursive: true, force: true });
});

async function app(overrides: { store?: MetaStore; staticDir?: string; testControl?: boolean } = {}) {
  const deps: AppDeps = {
    store: overrides.store ?? okStore,
    config: {
      logLevel: 'silent',
      staticDir: overrides.staticDir ?? builtDir,
      testControl: overrides.testControl ?? false,
    },
    version: '9.8.7',
  };
  const instance = await buildApp(deps);
  apps.push(instance);
  return instance;
}

describe('meta routes', () => {
  it('[SV6] GET /healthz reports the store kind and schema version', async () => {
    const res = await (await app()).inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, store: 'pglite', schemaVersion: 1 });
  });

  it('[SV6] GET /healthz answers 503 without the database error when the store is down', async () => {
    const down: MetaStore = { ...okStore, ping: async () => Promise.reject(new Error('connection refused')) };
    const res = await (await app({ store: down })).inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ ok: false, error: 'store unavailable' });
  });

  it('GET /api/v1/version reports app, protocol and schema versions', async () => {
    const res = await (await app()).inject({ method: 'GET', url: '/api/v1/version' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ app: '9.8.7', protocol: 1, minProtocol: 1, schemaVersion: 1 });
  });

  it('unknown /api routes answer 404 JSON, even for browsers asking for HTML', async () => {
    const instance = await app();
    for (const req of [
      { method: 'GET' as const, url: '/api/v1/nope', headers: HTML },
      { method: 'POST' as const, url: '/api/v1/nope' },
      { method: 'GET' as const, url: '/api' },
    ]) {
      const res = await instance.inject(req);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.json()).toMatchObject({ error: 'not_found' });
    }
  });
});

describe('serving the PWA', () => {
  it('[SV7] serves index.html at / with no-cache', async () => {
    const res = await (await app()).inject({ method: 'GET', url: '/', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(INDEX_HTML);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('[SV7] serves the service worker and manifest with no-cache', async () => {
    const instance = await app();
    for (const url of ['/sw.js', '/manifest.webmanifest', '/index.html']) {
      const res = await instance.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('[SV7] serves hashed /assets/* as immutable for a year', async () => {
    const res = await (await app()).inject({ method: 'GET', url: '/assets/index-3f9a1c.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(1);');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('[SV7] falls back to index.html for client-side routes requested as pages', async () => {
    const res = await (await app()).inject({ method: 'GET', url: '/inventory/lots?x=1', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(INDEX_HTML);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('does not fall back for missing files, non-GET requests or missing assets', async () => {
    const instance = await app();
    const missingScript = await instance.inject({ method: 'GET', url: '/assets/gone-123.js' });
    expect(missingScript.statusCode).toBe(404);
    const post = await instance.inject({ method: 'POST', url: '/inventory', headers: HTML });
    expect(post.statusCode).toBe(404);
    const json = await instance.inject({
      method: 'GET',
      url: '/inventory',
      headers: { accept: 'application/json' },
    });
    expect(json.statusCode).toBe(404);
  });

  it('answers 503 "PWA not built" when STATIC_DIR has no index.html', async () => {
    const instance = await app({ staticDir: emptyDir });
    for (const url of ['/', '/inventory']) {
      const res = await instance.inject({ method: 'GET', url, headers: HTML });
      expect(res.statusCode, url).toBe(503);
      expect(res.body).toBe(NOT_BUILT_MESSAGE);
    }
    const health = await instance.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
  });
});

describe('test control routes', () => {
  it('[SV8] are absent unless CHAIRSIDE_TEST_CONTROL=1', async () => {
    const res = await (await app()).inject({ method: 'POST', url: '/__test__/drop-connections' });
    expect(res.statusCode).toBe(404);
  });

  it('POST /__test__/drop-connections answers ok when enabled', async () => {
    const res = await (
      await app({ testControl: true })
    ).inject({ method: 'POST', url: '/__test__/drop-connections' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });

  it('drop-connections really closes an open keep-alive connection after replying', async () => {
    const instance = await app({ testControl: true });
    await instance.listen({ port: 0, host: '127.0.0.1' });
    const address = instance.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const agent = new Agent({ keepAlive: true });
    try {
      const outcome = await new Promise<{ status: number | undefined; socketClosed: boolean }>(
        (resolve, reject) => {
          const req = request({
            port,
            host: '127.0.0.1',
            method: 'POST',
            path: '/__test__/drop-connections',
            agent,
          });
          let status: number | undefined;
          // Without the drop, a keep-alive socket stays open and this promise never resolves (test times out).
          req.on('socket', (socket) => socket.once('close', () => resolve({ status, socketClosed: true })));
          req.on('response', (res) => {
            status = res.statusCode;
            res.resume();
          });
          req.on('error', reject);
          req.end();
        },
      );
      expect(outcome).toEqual({ status: 200, socketClosed: true });
    } finally {
      agent.destroy();
    }
  });
});
