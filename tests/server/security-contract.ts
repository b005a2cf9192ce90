/**
 * The server's limits on every backend (SPEC [SEC5]-[SEC8]), over real sockets where the limit is
 * a socket's: slow requests cut off, the connection cap, streams per device, revoked streams
 * closed, rate limits, and secrets kept out of the logs.
 */
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoreBackend } from './backends';
import { listenLocal, openSse } from './sse-client';
import type { SseClient } from './sse-client';
import { ADMIN_TOKEN, MAIN, OTHER, deviceHeaders, serverEvent, startHarness } from './sync-harness';
import type { Harness, HarnessOptions } from './sync-harness';

/** Collects the server's JSON log lines. */
function logCapture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, text: () => lines.join('\n'), lines };
}

/** A socket that sends headers for a 1,000-byte body, then one byte every 200 ms, until the server closes it. */
function dribble(port: number): { socket: Socket; closed: Promise<{ afterMs: number; response: string }> } {
  const started = Date.now();
  const socket = connect(port, '127.0.0.1');
  let response = '';
  socket.on('data', (d: Buffer) => (response += d.toString()));
  socket.on('error', () => undefined);
  socket.write(
    'POST /api/v1/devices/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
  );
  const timer = setInterval(() => socket.write(' '), 200);
  const closed = new Promise<{ afterMs: number; response: string }>((resolve) =>
    socket.once('close', () => {
      clearInterval(timer);
      resolve({ afterMs: Date.now() - started, response });
    }),
  );
  return { socket, closed };
}

export function defineSecurityContract(backend: StoreBackend): void {
  describe(`server limits (${backend.kind})`, () => {
    const harnesses: Harness[] = [];
    const streams: SseClient[] = [];
    afterEach(async () => {
      for (const s of streams.splice(0)) s.close();
      await Promise.all(harnesses.splice(0).map((h) => h.close()));
    });
    async function harness(opts: HarnessOptions = {}): Promise<Harness> {
      const h = await startHarness(await backend.createDatabase(), opts);
      harnesses.push(h);
      return h;
    }
    async function stream(url: string, token: string): Promise<SseClient> {
      const s = await openSse(url, deviceHeaders(token));
      streams.push(s);
      return s;
    }

    it('[SEC5] ten clients dribbling a body to /devices/enroll are cut off at the request timeout, far before 100 s', async () => {
      const h = await harness({ config: { requestTimeoutMs: 1_000, connectionTimeoutMs: 60_000 } });
      const port = Number(new URL(await listenLocal(h.app)).port);
      const clients = Array.from({ length: 10 }, () => dribble(port));
      const results = await Promise.all(clients.map((c) => c.closed));
      for (const r of results) {
        expect(r.afterMs).toBeLessThan(5_000);
        expect(r.response).toMatch(/^HTTP\/1\.1 408/);
      }
    });

    it('[SEC5] connections beyond the cap are dropped at once', async () => {
      const h = await harness({ config: { maxConnections: 2 } });
      const port = Number(new URL(await listenLocal(h.app)).port);
      const open = (): Promise<Socket> =>
        new Promise((resolve) => {
          const s = connect(port, '127.0.0.1', () => resolve(s));
          s.on('error', () => undefined);
        });
      const held = [await open(), await open()];
      const count = () =>
        new Promise<number>((resolve, reject) =>
          h.app.server.getConnections((error, n) => (error ? reject(error) : resolve(n))),
        );
      await vi.waitFor(async () => expect(await count()).toBe(2));
      const extra = await open();
      await new Promise<void>((resolve) => extra.once('close', () => resolve()));
      expect(extra.destroyed).toBe(true);
      for (const s of held) s.destroy();
    });

    it('[SEC6] a device holds at most 4 open event streams; a 5th ends its oldest, the others live on', async () => {
      const h = await harness();
      const url = await listenLocal(h.app);
      const device = await h.enroll();
      const four = await Promise.all([1, 2, 3, 4].map(() => stream(url, device.token)));
      for (const s of four) expect(await s.waitFor((m) => m === 'RESYNC')).toBe('RESYNC');
      const fifth = await stream(url, device.token);
      expect(fifth.status).toBe(200);
      expect(await fifth.waitFor((m) => m === 'RESYNC')).toBe('RESYNC');
      // The oldest ends (a half-open stream of a tablet that lost Wi-Fi is freed this way).
      await four[0]?.ended;
      expect(h.sync.streams.count(device.deviceId)).toBe(4);
      const other = await h.enroll();
      expect((await stream(url, other.token)).status).toBe(200);
      expect(h.sync.streams.count(device.deviceId)).toBe(4);
      expect(h.sync.streams.count(other.deviceId)).toBe(1);
    });

    it('[SEC6] revoking a device closes its open streams at once; a revocation made elsewhere closes them at the next heartbeat', async () => {
      const h = await harness({ heartbeatMs: 200 });
      const url = await listenLocal(h.app);
      const device = await h.enroll();
      const live = await stream(url, device.token);
      await live.waitFor((m) => m === 'RESYNC');
      const revoke = await h.app.inject({
        method: 'POST',
        url: `/api/v1/admin/devices/${device.deviceId}/revoke`,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(revoke.statusCode).toBe(200);
      await live.ended;
      expect(h.sync.streams.count(device.deviceId)).toBe(0);

      // As if another server instance revoked it: only the database knows.
      const second = await h.enroll();
      const other = await stream(url, second.token);
      await other.waitFor((m) => m === 'RESYNC');
      await h.store.devices.revoke(second.deviceId, new Date());
      await other.ended;
      const seen = other.messages.length;
      expect((await h.push(await h.enroll(), [serverEvent()])).statusCode).toBe(200);
      expect(other.messages.length).toBe(seen);
    });

    it('[SEC7] enrollment is rate limited per ip: the N+1th attempt is 429, and failures are logged without the code', async () => {
      const log = logCapture();
      const h = await harness({ config: { enrollRateLimit: 3 }, logStream: log.stream });
      const attempt = () =>
        h.app.inject({
          method: 'POST',
          url: '/api/v1/devices/enroll',
          payload: { code: 'ZZZZZ-ZZZZZ', deviceName: 'Guesser' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(400);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ error: 'rate_limited' });
      expect(log.text()).toMatch(
        /"level":40.*"ip":"127\.0\.0\.1".*"deviceName":"Guesser".*enrollment failed/,
      );
      expect(log.text()).toMatch(/"level":40.*"limiter":"enroll".*rate limit reached/);
      expect(log.text()).not.toContain('ZZZZZ');
    });

    it('[SEC7] the admin routes share one rate limit per ip, counted before the token is checked', async () => {
      const log = logCapture();
      const h = await harness({ config: { adminRateLimit: 2 }, logStream: log.stream });
      const guess = (url: string) =>
        h.app.inject({ method: 'GET', url, headers: { authorization: 'Bearer cs_guess-0123456789' } });
      expect(
        (await guess('/api/v1/admin/enroll-codes/00000000-0000-4000-8000-000000000000')).statusCode,
      ).toBe(401);
      expect(
        (await guess('/api/v1/admin/enroll-codes/00000000-0000-4000-8000-000000000001')).statusCode,
      ).toBe(401);
      const limited = await h.app.inject({
        method: 'PUT',
        url: '/api/v1/admin/orgs/00000000-0000-4000-8000-000000000000/locations/00000000-0000-4000-8000-000000000000',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        payload: { name: 'x', storage: 'y' },
      });
      expect(limited.statusCode).toBe(429);
      expect(log.text()).toMatch(/"level":40.*"ip":"127\.0\.0\.1".*admin authentication failed/);
      expect(log.text()).not.toContain('cs_guess');
    });

    it('[SEC7] failed device authentication and wrong-organization admin calls are logged at warn with the ip, never the token', async () => {
      const log = logCapture();
      const h = await harness({ logStream: log.stream });
      const stale = 'cs_stale-device-token-0123456789';
      expect(
        (await h.app.inject({ method: 'GET', url: '/api/v1/events/pull', headers: deviceHeaders(stale) }))
          .statusCode,
      ).toBe(401);
      const { token, row } = await h.sync.adminTokens.create(OTHER.org);
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/admin/enroll-codes',
        headers: { authorization: `Bearer ${token}` },
        payload: { locationIds: [MAIN] },
      });
      expect(res.statusCode).toBe(403);
      expect(log.text()).toMatch(
        /"level":40.*"ip":"127\.0\.0\.1".*"reason":"unknown_token".*device authentication failed/,
      );
      expect(log.text()).toMatch(
        new RegExp(`"level":40.*"adminTokenId":"${row.id}".*admin token used outside its organization`),
      );
      expect(log.text()).not.toContain(stale);
      expect(log.text()).not.toContain(token);
    });

    it('[S14][SEC8] a stream token in the query is accepted and redacted in the logs under any encoding or case of its name', async () => {
      const log = logCapture();
      const h = await harness({ logStream: log.stream });
      const url = await listenLocal(h.app);
      const device = await h.enroll();
      // Fastify decodes %5F, so this one authenticates: the server accepts it and must not log it.
      const s = await openSse(url, {}, `/api/v1/events/stream?access%5Ftoken=${device.token}&protocol=1`);
      streams.push(s);
      expect(await s.waitFor((m) => m === 'RESYNC')).toBe('RESYNC');
      for (const name of ['ACCESS_TOKEN', 'Access%5ftoken', '%61ccess_token', 'access_token']) {
        await h.app.inject({
          method: 'GET',
          url: `/api/v1/events/stream?protocol=1&${name}=${device.token}x`,
        });
      }
      expect(log.text()).toContain('access%5Ftoken=[redacted]');
      expect(log.text()).toContain('%61ccess_token=[redacted]');
      expect(log.text()).not.toContain(device.token);
    });
  });
}
