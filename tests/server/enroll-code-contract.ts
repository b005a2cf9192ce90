/**
 * What became of an enrollment code ([S22]) and the demo server's codes for a browser on its own
 * machine ([S23]), run on every backend through fastify's `inject`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EnrollCodeCreated, EnrollCodeStatus } from '../../src/domain/sync/wire';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import type { StoreBackend } from './backends';
import { ADMIN_TOKEN, MAIN, startHarness } from './sync-harness';
import type { Harness, HarnessOptions } from './sync-harness';

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

export function defineEnrollCodeContract(backend: StoreBackend): void {
  describe(`enrollment code status and demo codes (${backend.kind})`, () => {
    const harnesses: Harness[] = [];
    afterEach(async () => {
      await Promise.all(harnesses.splice(0).map((h) => h.close()));
    });
    async function harness(opts: HarnessOptions = {}): Promise<Harness> {
      const h = await startHarness(await backend.createDatabase(), opts);
      harnesses.push(h);
      return h;
    }
    async function createCode(h: Harness, expiresInMinutes?: number): Promise<EnrollCodeCreated> {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/admin/enroll-codes',
        headers: admin,
        payload: { locationIds: [MAIN], ...(expiresInMinutes ? { expiresInMinutes } : {}) },
      });
      expect(res.statusCode).toBe(201);
      return res.json<EnrollCodeCreated>();
    }
    const status = (h: Harness, id: string, headers: Record<string, string> = admin) =>
      h.app.inject({ method: 'GET', url: `/api/v1/admin/enroll-codes/${id}`, headers });

    it('[S22] a code reads as unused, then as used by the tablet that took it and when', async () => {
      let now = new Date('2025-06-15T10:00:00Z');
      const h = await harness({ now: () => now });
      const created = await createCode(h);
      expect(created).toMatchObject({ locationIds: [MAIN], expiresAt: '2025-06-16T10:00:00.000Z' });
      expect((await status(h, created.id)).json<EnrollCodeStatus>()).toEqual({
        id: created.id,
        state: 'unused',
        expiresAt: '2025-06-16T10:00:00.000Z',
        usedAt: null,
        device: null,
      });
      now = new Date('2025-06-15T10:07:00Z');
      const enrolled = await h.app.inject({
        method: 'POST',
        url: '/api/v1/devices/enroll',
        payload: { code: created.code, deviceName: 'Room 2 tablet' },
      });
      const { deviceId } = enrolled.json<{ deviceId: string }>();
      expect((await status(h, created.id)).json<EnrollCodeStatus>()).toEqual({
        id: created.id,
        state: 'used',
        expiresAt: '2025-06-16T10:00:00.000Z',
        usedAt: '2025-06-15T10:07:00.000Z',
        device: { id: deviceId, name: 'Room 2 tablet' },
      });
    });

    it('[S22] an unused code past its expiry reads as expired; an unknown id is 404; no admin token is 401', async () => {
      let now = new Date('2025-06-15T10:00:00Z');
      const h = await harness({ now: () => now });
      const created = await createCode(h, 5);
      now = new Date('2025-06-15T10:05:00Z');
      expect((await status(h, created.id)).json<EnrollCodeStatus>()).toMatchObject({
        state: 'expired',
        usedAt: null,
      });
      expect((await status(h, DEMO_IDS.organization)).statusCode).toBe(404);
      expect((await status(h, created.id, {})).statusCode).toBe(401);
      expect((await status(h, 'not-a-uuid')).statusCode).toBe(400);
    });

    it('[S23] without --demo the demo routes do not exist', async () => {
      const h = await harness();
      expect((await h.app.inject({ method: 'GET', url: '/api/v1/demo' })).statusCode).toBe(404);
      const post = await h.app.inject({ method: 'POST', url: '/api/v1/demo/enroll-code' });
      expect(post.statusCode).toBe(404);
    });

    it('[S23] a demo server gives a browser on its own machine a code for both demo locations', async () => {
      const h = await harness({ demo: true });
      const local = { host: 'localhost:8080' };
      expect((await h.app.inject({ method: 'GET', url: '/api/v1/demo', headers: local })).json()).toEqual({
        demo: true,
        sameHost: true,
      });
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/demo/enroll-code', headers: local });
      expect(res.statusCode).toBe(201);
      const created = res.json<EnrollCodeCreated>();
      expect(created.locationIds).toEqual([DEMO_IDS.mainLocation, DEMO_IDS.satelliteLocation]);
      const enrolled = await h.app.inject({
        method: 'POST',
        url: '/api/v1/devices/enroll',
        payload: { code: created.code, deviceName: 'Demo tablet' },
      });
      expect(enrolled.statusCode).toBe(201);
      expect(enrolled.json()).toMatchObject({ orgId: DEMO_IDS.organization });
    });

    it('[S23] a demo server refuses codes to other machines, to proxied requests and to other host names', async () => {
      const h = await harness({ demo: true });
      const cases = [
        { remoteAddress: '192.0.2.7', headers: { host: 'localhost:8080' } },
        { remoteAddress: '127.0.0.1', headers: { host: 'localhost:8080', 'x-forwarded-for': '192.0.2.7' } },
        { remoteAddress: '127.0.0.1', headers: { host: 'localhost:8080', forwarded: 'for=192.0.2.7' } },
        { remoteAddress: '127.0.0.1', headers: { host: 'clinic.example:8080' } },
      ];
      for (const c of cases) {
        const info = await h.app.inject({ method: 'GET', url: '/api/v1/demo', ...c });
        expect(info.json(), JSON.stringify(c)).toEqual({ demo: true, sameHost: false });
        const res = await h.app.inject({ method: 'POST', url: '/api/v1/demo/enroll-code', ...c });
        expect(res.statusCode, JSON.stringify(c)).toBe(403);
        expect(res.json()).toMatchObject({ error: 'forbidden' });
      }
      const codes = await h.store.driver.query<{ n: number }>(
        'SELECT count(*)::integer AS n FROM enroll_codes',
      );
      expect(codes[0]?.n).toBe(0);
    });
  });
}
