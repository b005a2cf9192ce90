/**
 * Who may call the sync API (SPEC [S1]-[S3]), run on every backend. Requests go through fastify's
 * `inject` against an app on a real database.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HTTPMethods } from 'fastify';
import { sha256Hex } from '../../sync-server/src/services/secrets';
import type { StoreBackend } from './backends';
import { deviceHeaders, MAIN, ORG, OTHER, serverEvent, startHarness } from './sync-harness';
import type { Harness } from './sync-harness';

const DEVICE_ROUTES: { method: HTTPMethods; url: string; payload?: Record<string, unknown> }[] = [
  { method: 'POST', url: '/api/v1/events/push', payload: { events: [] } },
  { method: 'GET', url: '/api/v1/events/pull' },
  { method: 'GET', url: '/api/v1/events/stream' },
];
const ADMIN_ROUTES: { method: HTTPMethods; url: string; payload?: Record<string, unknown> }[] = [
  { method: 'POST', url: '/api/v1/admin/enroll-codes', payload: { locationIds: [MAIN] } },
  { method: 'POST', url: `/api/v1/admin/devices/${OTHER.manager}/revoke` },
  { method: 'GET', url: `/api/v1/admin/enroll-codes/${OTHER.manager}` },
];

export function defineSyncAuthContract(backend: StoreBackend): void {
  describe(`sync auth (${backend.kind})`, () => {
    const harnesses: Harness[] = [];
    afterEach(async () => {
      await Promise.all(harnesses.splice(0).map((h) => h.close()));
    });
    async function harness(opts: Parameters<typeof startHarness>[1] = {}): Promise<Harness> {
      const h = await startHarness(await backend.createDatabase(), opts);
      harnesses.push(h);
      return h;
    }

    it('[S2] every device route answers 401 without a token, with an unknown token, with a revoked token', async () => {
      const h = await harness();
      const revoked = await h.enroll();
      const revoke = await h.app.inject({
        method: 'POST',
        url: `/api/v1/admin/devices/${revoked.deviceId}/revoke`,
        headers: { authorization: 'Bearer test-admin-token-0123456789' },
      });
      expect(revoke.statusCode).toBe(200);
      const cases = [
        { headers: { 'x-chairside-protocol': '1' }, reason: 'missing_token' },
        { headers: deviceHeaders('cs_not-a-real-token'), reason: 'unknown_token' },
        { headers: deviceHeaders(revoked.token), reason: 'revoked' },
      ];
      for (const route of DEVICE_ROUTES) {
        for (const c of cases) {
          const res = await h.app.inject({ ...route, headers: c.headers });
          expect(res.statusCode, `${route.url} ${c.reason}`).toBe(401);
          expect(res.json()).toEqual({ error: 'unauthorized', reason: c.reason });
        }
      }
    });

    it('[S1][S2] admin routes answer 401 without the admin token or with a device token', async () => {
      const h = await harness();
      const device = await h.enroll();
      for (const route of ADMIN_ROUTES) {
        for (const headers of [{}, { authorization: `Bearer ${device.token}` }]) {
          const res = await h.app.inject({ ...route, headers });
          expect(res.statusCode, route.url).toBe(401);
          expect(res.json()).toMatchObject({ error: 'unauthorized' });
        }
      }
    });

    it('[S3] a missing or too old protocol answers 426 with the minimum protocol', async () => {
      const h = await harness();
      const device = await h.enroll();
      for (const route of DEVICE_ROUTES) {
        for (const protocol of [undefined, '0', 'abc']) {
          const headers: Record<string, string> = { authorization: `Bearer ${device.token}` };
          if (protocol !== undefined) headers['x-chairside-protocol'] = protocol;
          const res = await h.app.inject({ ...route, headers });
          expect(res.statusCode, `${route.url} protocol ${protocol}`).toBe(426);
          expect(res.json()).toEqual({ error: 'upgrade_required', minProtocol: 1 });
        }
      }
    });

    it('[S1] enrolls with a one-time code bound to the organization and locations; the token works', async () => {
      const h = await harness();
      const device = await h.enroll();
      expect(device).toMatchObject({ orgId: ORG, locationIds: [MAIN] });
      expect(device.token).toMatch(/^cs_[A-Za-z0-9_-]{43}$/);
      expect((await h.pull(device)).statusCode).toBe(200);
    });

    it('[S1] a code works once; an unknown or expired code is 400 naming "code"', async () => {
      let now = new Date('2025-06-15T10:00:00Z');
      const h = await harness({ now: () => now });
      const admin = { authorization: 'Bearer test-admin-token-0123456789' };
      const create = async (expiresInMinutes?: number) =>
        (
          await h.app.inject({
            method: 'POST',
            url: '/api/v1/admin/enroll-codes',
            headers: admin,
            payload: { locationIds: [MAIN], ...(expiresInMinutes ? { expiresInMinutes } : {}) },
          })
        ).json<{ code: string; expiresAt: string }>();
      const enroll = (code: string) =>
        h.app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { code, deviceName: 'Tab' } });

      const first = await create();
      expect(first.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
      expect(first.expiresAt).toBe('2025-06-16T10:00:00.000Z');
      // Typed loosely: lower case, no dash, spaces around.
      expect((await enroll(` ${first.code.replace('-', '').toLowerCase()} `)).statusCode).toBe(201);
      const again = await enroll(first.code);
      expect(again.statusCode).toBe(400);
      expect(again.json()).toMatchObject({ error: 'invalid', field: 'code' });
      expect((await enroll('AAAAA-AAAAA')).statusCode).toBe(400);

      const short = await create(5);
      now = new Date('2025-06-15T10:05:00Z');
      expect((await enroll(short.code)).json()).toMatchObject({ field: 'code' });
    });

    it('[S1] codes and tokens are stored only as SHA-256 hashes', async () => {
      const h = await harness();
      const device = await h.enroll();
      const rows = await h.store.driver.query<{ token_sha256: string }>('SELECT token_sha256 FROM devices');
      expect(rows).toEqual([{ token_sha256: sha256Hex(device.token) }]);
      const admins = await h.store.driver.query<{ token_sha256: string }>(
        'SELECT token_sha256 FROM admin_tokens',
      );
      expect(admins).toEqual([{ token_sha256: sha256Hex('test-admin-token-0123456789') }]);
    });

    it('[S1] enroll-code requests naming unknown, mixed-organization or foreign-org locations are 400', async () => {
      const h = await harness();
      const admin = { authorization: 'Bearer test-admin-token-0123456789' };
      const cases = [
        { payload: { locationIds: [OTHER.manager] }, field: 'locationIds' },
        { payload: { locationIds: [MAIN, OTHER.location] }, field: 'locationIds' },
        { payload: { locationIds: [MAIN], orgId: OTHER.org }, field: 'orgId' },
        { payload: { locationIds: ['MAIN'] }, field: 'locationIds.0' },
        { payload: { locationIds: [MAIN], colour: 'red' }, field: 'colour' },
      ];
      for (const c of cases) {
        const res = await h.app.inject({
          method: 'POST',
          url: '/api/v1/admin/enroll-codes',
          headers: admin,
          payload: c.payload,
        });
        expect(res.statusCode, JSON.stringify(c.payload)).toBe(400);
        expect(res.json()).toMatchObject({ error: 'invalid', field: c.field });
      }
    });

    it('[S2] revoking an unknown device is 404; revoking stops a device at once', async () => {
      const h = await harness();
      const admin = { authorization: 'Bearer test-admin-token-0123456789' };
      const unknown = await h.app.inject({
        method: 'POST',
        url: `/api/v1/admin/devices/${OTHER.org}/revoke`,
        headers: admin,
      });
      expect(unknown.statusCode).toBe(404);
      const device = await h.enroll();
      expect((await h.push(device, [serverEvent()])).statusCode).toBe(200);
      await h.app.inject({
        method: 'POST',
        url: `/api/v1/admin/devices/${device.deviceId}/revoke`,
        headers: admin,
      });
      expect((await h.push(device, [serverEvent()])).statusCode).toBe(401);
    });

    it('[S1][SEC2] bootstrap: a generated admin token is returned once, then never again', async () => {
      const h = await harness();
      await h.store.driver.query('DELETE FROM admin_tokens');
      const first = await h.sync.adminTokens.bootstrap(null);
      if (first.kind !== 'generated') throw new Error(`expected a generated token, got ${first.kind}`);
      expect(first.token).toMatch(/^cs_/);
      expect(await h.sync.adminTokens.bootstrap(null)).toEqual({ kind: 'existing' });
      expect(await h.sync.adminTokens.authenticate(first.token)).toMatchObject({ orgId: null });
    });
  });
}
