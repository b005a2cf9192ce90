/**
 * Admin tokens (SPEC [SEC1]-[SEC3]) on every backend: scope per organization on every admin route,
 * rotation and revocation, the startup token's rules, migration 6 on a database already at 7.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HTTPMethods } from 'fastify';
import { sha256Hex } from '../../sync-server/src/services/secrets';
import { MIGRATIONS, migrate, schemaVersion } from '../../sync-server/src/store/migrations';
import type { StoreBackend } from './backends';
import { ADMIN_TOKEN, MAIN, ORG, OTHER, STAFF, startHarness } from './sync-harness';
import type { Harness } from './sync-harness';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function defineAdminTokensContract(backend: StoreBackend): void {
  describe(`admin tokens (${backend.kind})`, () => {
    const harnesses: Harness[] = [];
    afterEach(async () => {
      await Promise.all(harnesses.splice(0).map((h) => h.close()));
    });
    async function harness(): Promise<Harness> {
      const h = await startHarness(await backend.createDatabase());
      harnesses.push(h);
      return h;
    }

    /** An enrollment code id and a device, both of `locationId`'s organization, made by the operator token. */
    async function codeAndDevice(h: Harness, locationId: string) {
      const code = await h.app.inject({
        method: 'POST',
        url: '/api/v1/admin/enroll-codes',
        headers: bearer(ADMIN_TOKEN),
        payload: { locationIds: [locationId] },
      });
      expect(code.statusCode).toBe(201);
      const device = await h.enroll(locationId);
      return { codeId: code.json<{ id: string }>().id, deviceId: device.deviceId };
    }

    it('[SEC1] a token for one organization acts on its own organization and gets 403 on every admin route of another', async () => {
      const h = await harness();
      const mine = await codeAndDevice(h, MAIN);
      const theirs = await codeAndDevice(h, OTHER.location);
      const { token } = await h.sync.adminTokens.create(ORG, 'Main St admin');
      const routes = (
        org: string,
        location: string,
        ids: { codeId: string; deviceId: string },
        staff: string,
      ) =>
        [
          { method: 'POST', url: '/api/v1/admin/enroll-codes', payload: { locationIds: [location] } },
          { method: 'GET', url: `/api/v1/admin/enroll-codes/${ids.codeId}` },
          {
            method: 'PUT',
            url: `/api/v1/admin/orgs/${org}/staff/${staff}`,
            payload: { name: 'Renamed', role: 'injector', locationIds: [location] },
          },
          {
            method: 'PUT',
            url: `/api/v1/admin/orgs/${org}/locations/${location}`,
            payload: { name: 'Renamed', storage: 'Fridge' },
          },
          { method: 'POST', url: `/api/v1/admin/devices/${ids.deviceId}/revoke` },
        ] as { method: HTTPMethods; url: string; payload?: object }[];

      for (const route of routes(OTHER.org, OTHER.location, theirs, OTHER.manager)) {
        const res = await h.app.inject({ ...route, headers: bearer(token) });
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
        expect(res.json()).toMatchObject({ error: 'forbidden', reason: 'wrong_organization' });
        expect(res.json<{ message: string }>().message).toContain(`cannot act on organization ${OTHER.org}`);
      }
      // Nothing of the other organization changed: its device still works.
      const other = await h.store.devices.deviceById(theirs.deviceId);
      expect(other?.revokedAt).toBeNull();

      for (const route of routes(ORG, MAIN, mine, STAFF.injector)) {
        const res = await h.app.inject({ ...route, headers: bearer(token) });
        expect(res.statusCode, `${route.method} ${route.url}`).toBeLessThan(300);
      }
    });

    it('[SEC1] an operator token acts on every organization', async () => {
      const h = await harness();
      const { token } = await h.sync.adminTokens.create(null, 'operator');
      for (const location of [MAIN, OTHER.location]) {
        const res = await h.app.inject({
          method: 'POST',
          url: '/api/v1/admin/enroll-codes',
          headers: bearer(token),
          payload: { locationIds: [location] },
        });
        expect(res.statusCode).toBe(201);
      }
    });

    it('[SEC3] rotating gives a new secret and the old one stops working; revoking stops it at once', async () => {
      const h = await harness();
      const created = await h.sync.adminTokens.create(ORG);
      const status = async (token: string) =>
        (
          await h.app.inject({
            method: 'GET',
            url: `/api/v1/admin/enroll-codes/${ORG}`,
            headers: bearer(token),
          })
        ).statusCode;
      expect(await status(created.token)).toBe(404);
      const rotated = await h.sync.adminTokens.rotate(created.row.id);
      expect(rotated.row).toMatchObject({ id: created.row.id, orgId: ORG });
      expect(rotated.token).not.toBe(created.token);
      expect(await status(created.token)).toBe(401);
      expect(await status(rotated.token)).toBe(404);
      const revoked = await h.sync.adminTokens.revoke(created.row.id);
      expect(revoked.revokedAt).toBeInstanceOf(Date);
      expect(await status(rotated.token)).toBe(401);
      await expect(h.sync.adminTokens.rotate(created.row.id)).rejects.toThrow(/no active admin token/);
    });

    it('[SEC1] admin tokens are stored only as SHA-256 hashes and listed without them', async () => {
      const h = await harness();
      const { token } = await h.sync.adminTokens.create(ORG, 'x');
      const rows = await h.store.driver.query<{ token_sha256: string }>(
        'SELECT token_sha256 FROM admin_tokens ORDER BY created_at',
      );
      expect(rows.map((r) => r.token_sha256)).toEqual([sha256Hex(ADMIN_TOKEN), sha256Hex(token)]);
      const listed = JSON.stringify(await h.sync.adminTokens.list());
      expect(listed).not.toContain(sha256Hex(token));
      expect(listed).not.toContain(token);
    });

    it('[SEC2] a start with a new CHAIRSIDE_ADMIN_TOKEN revokes earlier startup tokens, never CLI ones; a revoked or rotated one is not brought back', async () => {
      const h = await harness();
      const tokens = h.sync.adminTokens;
      await h.store.driver.query('DELETE FROM admin_tokens');
      const generated = await tokens.bootstrap(null);
      if (generated.kind !== 'generated') throw new Error('expected a generated token');
      const cli = await tokens.create(ORG);

      const first = 'first-env-admin-token-0123456789';
      expect(await tokens.bootstrap(first)).toMatchObject({ kind: 'env', state: 'active' });
      expect(await tokens.authenticate(generated.token)).toBeNull();
      expect(await tokens.authenticate(first)).toMatchObject({ orgId: null });
      // The same token again is a no-op.
      expect(await tokens.bootstrap(first)).toEqual({ kind: 'env', state: 'active', revokedIds: [] });

      const second = 'second-env-admin-token-0123456789';
      expect((await tokens.bootstrap(second)).kind).toBe('env');
      expect(await tokens.authenticate(first)).toBeNull();
      expect(await tokens.authenticate(second)).not.toBeNull();
      expect(await tokens.authenticate(cli.token)).toMatchObject({ orgId: ORG });
      // With tokens active, a start without CHAIRSIDE_ADMIN_TOKEN generates nothing.
      expect(await tokens.bootstrap(null)).toEqual({ kind: 'existing' });

      const secondRow = (await tokens.list()).find(
        (r) => r.label === 'CHAIRSIDE_ADMIN_TOKEN' && !r.revokedAt,
      );
      await tokens.rotate(secondRow?.id ?? '');
      expect(await tokens.bootstrap(second)).toMatchObject({ state: 'retired' });
      expect(await tokens.authenticate(second)).toBeNull();
      const third = 'third-env-admin-token-0123456789';
      await tokens.bootstrap(third);
      const thirdRow = (await tokens.list()).find((r) => r.label === 'CHAIRSIDE_ADMIN_TOKEN' && !r.revokedAt);
      await tokens.revoke(thirdRow?.id ?? '');
      expect(await tokens.bootstrap(third)).toMatchObject({ state: 'revoked' });
      expect(await tokens.authenticate(third)).toBeNull();
    });

    it('[SV1][SEC1] migration 6 applies to a database already at 7; the old server-wide token becomes an operator token', async () => {
      const driver = await (await backend.createDatabase()).open();
      try {
        const upTo7 = MIGRATIONS.filter((m) => m.id !== 6 && m.id <= 7);
        expect(await migrate(driver, upTo7)).toEqual(upTo7.map((m) => m.id));
        expect(await schemaVersion(driver)).toBe(7);
        await driver.query('INSERT INTO admin_tokens (token_sha256) VALUES ($1)', [sha256Hex('legacy')]);
        expect(await migrate(driver)).toEqual([6, ...MIGRATIONS.filter((m) => m.id > 7).map((m) => m.id)]);
        const [row] = await driver.query<{ org_id: string | null; source: string; has_id: boolean }>(
          'SELECT org_id, source, id IS NOT NULL AS has_id FROM admin_tokens',
        );
        expect(row).toEqual({ org_id: null, source: 'startup', has_id: true });
        expect(await migrate(driver)).toEqual([]);
      } finally {
        await driver.close();
      }
    });
  });
}
