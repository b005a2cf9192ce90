/**
 * The served PWA's security headers ([SEC4]), built-in TLS from certificate files ([SEC9]) and the
 * health check that keeps the database's error in the log ([SV6]). TLS uses a self-signed
 * certificate made for the test with `openssl req -x509` (node:crypto cannot make certificates).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../sync-server/src/app';
import type { AppDeps } from '../../sync-server/src/app';
import type { MetaStore } from '../../sync-server/src/routes/meta';

const okStore: MetaStore = { kind: 'pglite', ping: async () => undefined, schemaVersion: async () => 7 };
let dir = '';
let dist = '';
let tls = { certFile: '', keyFile: '' };
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chairside-tls-'));
  dist = join(dir, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(dist, 'assets', 'index-1.js'), 'console.log(1)');
  tls = { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') };
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      tls.keyFile,
      '-out',
      tls.certFile,
    ],
    { stdio: 'ignore' },
  );
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function app(
  overrides: Omit<Partial<AppDeps>, 'config'> & { config?: Partial<AppDeps['config']> } = {},
) {
  const instance = await buildApp({
    store: okStore,
    version: 't',
    ...overrides,
    config: { logLevel: 'silent', staticDir: dist, testControl: false, ...overrides.config },
  });
  apps.push(instance);
  return instance;
}

/** Directives of a CSP header: "a 'x'; b" → { a: ["'x'"], b: [] }. */
function directives(csp: string | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...values]) => [name, values]),
  );
}

function httpsGet(
  url: string,
  ca: Buffer,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('security headers and TLS', () => {
  it('[SEC4] the PWA and its assets are served with a strict CSP, nosniff, no framing, and no HSTS over plain HTTP', async () => {
    const instance = await app();
    for (const url of ['/', '/assets/index-1.js', '/healthz']) {
      const res = await instance.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      const csp = directives(res.headers['content-security-policy'] as string | undefined);
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(csp['worker-src']).toEqual(["'self'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(JSON.stringify(csp)).not.toMatch(/unsafe-inline|'unsafe-eval'/);
      expect(csp).not.toHaveProperty('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('[SEC9] with CHAIRSIDE_TLS_CERT/KEY the server speaks https only, and sends HSTS', async () => {
    const instance = await app({ config: { tls } });
    const url = await instance.listen({ port: 0, host: '127.0.0.1' });
    expect(url).toMatch(/^https:\/\//);
    const res = await httpsGet(`${url}/healthz`, await readFile(tls.certFile));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(directives(res.headers['content-security-policy'] as string)).toHaveProperty(
      'upgrade-insecure-requests',
    );
    // Plain HTTP to the TLS port gets no answer from the app.
    await expect(fetch(url.replace('https:', 'http:') + '/healthz')).rejects.toThrow();
  });

  it('[SV6] /healthz logs the database error and answers only "store unavailable"', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _e, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const secret = 'password authentication failed for user chairside at db.internal:5432';
    const store: MetaStore = { ...okStore, ping: () => Promise.reject(new Error(secret)) };
    const instance = await app({ store, logStream, config: { logLevel: 'error' } });
    const res = await instance.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ ok: false, error: 'store unavailable' });
    expect(res.body).not.toContain('db.internal');
    expect(lines.join('')).toContain(secret);
  });
});
