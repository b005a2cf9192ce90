/** Who may push which records (SPEC [MD5], [MD6], [S2], [S11], [S12]) on every backend. */
import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import type { StoreBackend } from './backends';
import {
  BOTOX,
  clock,
  created,
  edited,
  harnessPerTest,
  locationData,
  lotData,
  newId,
  pulledOne,
  pullKind,
  pullRecords,
  pushRecords,
  recordCount,
  staffData,
} from './records-fixtures';
import { LOTS, ORG, OTHER, serverEvent, STAFF } from './sync-harness';

export function defineRecordsRulesContract(backend: StoreBackend): void {
  describe(`records push rules (${backend.kind})`, () => {
    const harness = harnessPerTest(backend);

    it("[MD5] an injector changing an existing lot's status and a manager editing staff are 403; nothing is written", async () => {
      const h = await harness();
      const device = await h.enroll();
      const before = await recordCount(h);
      const lot = await pulledOne(h, device, 'lots', LOTS[0] ?? '');
      const injector = await pulledOne(h, device, 'staff', STAFF.injector);
      const ok = created('locations', newId(), locationData(), clock(1), STAFF.admin);
      const hold = edited(lot, { status: 'hold' }, clock(2), STAFF.injector);
      const promote = edited(injector, { role: 'manager' }, clock(3), STAFF.manager);
      const stranger = created('lots', newId(), lotData({ lotNumber: 'X1' }), clock(4), newId());
      const res = await pushRecords(h, device, [ok, hold, promote, stranger]);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({
        error: 'forbidden',
        rejected: [
          { kind: 'lots', id: lot.id, reason: 'an injector may not change a lot' },
          { kind: 'staff', id: injector.id, reason: 'a manager may not change a staff member' },
          { kind: 'lots', id: stranger.id, reason: `unknown staff member ${stranger.actorId}` },
        ],
      });
      expect(await recordCount(h)).toBe(before);
      expect((await pulledOne(h, device, 'lots', lot.id)).data.status).toBe('available');
      // The same edits by the roles that may make them go through.
      const allowed = [ok, { ...hold, actorId: STAFF.manager }, { ...promote, actorId: STAFF.admin }];
      expect((await pushRecords(h, device, allowed)).json()).toEqual({
        changed: [ok.id, lot.id, injector.id],
        unchanged: [],
      });
    });

    it('[MD1][MD5] purchase orders by those who receive, count sessions by those who count', async () => {
      const h = await harness();
      const device = await h.enroll();
      const po = created(
        'purchase_orders',
        newId(),
        {
          orgId: ORG,
          locationId: DEMO_IDS.mainLocation,
          supplier: 'Allergan Aesthetics',
          reference: 'PO-2025-0042',
          status: 'open',
          orderedOn: '2025-06-14',
          lines: [{ productId: BOTOX, quantityMilli: 400_000, unitCostMicros: 6_500_000 }],
          note: '',
        },
        clock(1),
        STAFF.injector,
      );
      const count = created(
        'counts',
        newId(),
        {
          orgId: ORG,
          locationId: DEMO_IDS.mainLocation,
          startedBy: STAFF.injector,
          startedAt: '2025-06-15T09:01:00.000Z',
          status: 'open',
          closedAt: null,
          note: 'Fridge A',
        },
        clock(1),
        STAFF.injector,
      );
      const refused = await pushRecords(h, device, [po, count]);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ rejected: [{ kind: 'purchase_orders', id: po.id }] });
      const ok = await pushRecords(h, device, [{ ...po, actorId: STAFF.frontDesk }, count]);
      expect(ok.json()).toEqual({ changed: [po.id, count.id], unchanged: [] });
      expect((await pulledOne(h, device, 'purchase_orders', po.id)).data.reference).toBe('PO-2025-0042');
      expect((await pulledOne(h, device, 'counts', count.id)).data.status).toBe('open');
      const badLine = { ...po, id: newId(), actorId: STAFF.frontDesk };
      badLine.data = {
        ...po.data,
        lines: [{ productId: BOTOX, quantityMilli: 0, unitCostMicros: 1 }],
      };
      const bad = await pushRecords(h, device, [badLine]);
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ field: 'lines', recordId: badLine.id });
    });

    it('[MD5][MD8] an admin creates a staff member and records by that member in one batch; the new role counts for events', async () => {
      const h = await harness();
      const device = await h.enroll();
      const staffId = newId();
      const byNewcomer = created('lots', newId(), lotData({ lotNumber: 'NEWC' }), clock(2), staffId);
      const newcomer = created('staff', staffId, staffData({ role: 'manager' }), clock(1), STAFF.admin);
      // The newcomer's record comes first in the batch: staff records are processed first anyway.
      const res = await pushRecords(h, device, [byNewcomer, newcomer]);
      expect(res.json()).toEqual({ changed: [byNewcomer.id, staffId], unchanged: [] });
      const [row] = await h.store.driver.query<Record<string, unknown>>(
        'SELECT org_id::text AS org, role, pin_hash, location_ids FROM staff WHERE id = $1',
        [staffId],
      );
      expect(row).toEqual({ org: ORG, role: 'manager', pin_hash: staffData().pinHash, location_ids: [] });
      const adjust = serverEvent({
        type: 'adjust',
        quantityMilli: -1_000,
        actorId: staffId,
        payload: { reason: 'r' },
      });
      expect((await h.push(device, [adjust])).statusCode).toBe(200);
      // Demoted by an admin: the typed staff table follows and the events push refuses an adjust.
      const copy = await pulledOne(h, device, 'staff', staffId);
      await pushRecords(h, device, [edited(copy, { role: 'injector' }, clock(3), STAFF.admin)]);
      expect((await h.push(device, [{ ...adjust, id: newId() }])).statusCode).toBe(403);
    });

    it('[MD6][S12][S2] a record naming another organization is 403; another organization neither sees nor changes these records', async () => {
      const h = await harness();
      const demo = await h.enroll();
      const other = await h.enroll(OTHER.location);
      const before = await recordCount(h);
      const intoOther = created(
        'locations',
        newId(),
        locationData({ orgId: OTHER.org }),
        clock(1),
        STAFF.admin,
      );
      const res = await pushRecords(h, demo, [intoOther]);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({
        error: 'forbidden',
        rejected: [
          { kind: 'locations', id: intoOther.id, reason: expect.stringMatching(/another organization/) },
        ],
      });
      expect(await recordCount(h)).toBe(before);
      // Org B pulls none of org A's records, and its manager is unknown staff in org A.
      for (const kind of ['locations', 'staff', 'products', 'lots', 'visits'])
        expect(await pullKind(h, other, kind), kind).toEqual([]);
      const borrowed = created('lots', newId(), lotData({ lotNumber: 'B1' }), clock(1), OTHER.manager);
      expect((await pushRecords(h, demo, [borrowed])).statusCode).toBe(403);
      // Org B reusing org A's location id makes org B's own record; org A's row and record stay.
      const hijack = created(
        'locations',
        DEMO_IDS.mainLocation,
        locationData({ orgId: OTHER.org, name: 'Hijacked' }),
        clock(9),
        OTHER.manager,
      );
      // OTHER.manager is a manager; only admins may create locations.
      expect((await pushRecords(h, other, [hijack])).statusCode).toBe(403);
      await h.store.driver.query("UPDATE staff SET role = 'admin' WHERE id = $1", [OTHER.manager]);
      expect((await pushRecords(h, other, [hijack])).json()).toEqual({ changed: [hijack.id], unchanged: [] });
      expect((await pullKind(h, other, 'locations')).map((r) => r.data.name)).toEqual(['Hijacked']);
      expect((await pulledOne(h, demo, 'locations', DEMO_IDS.mainLocation)).data.name).toMatch(/Main St/);
      const [typed] = await h.store.driver.query<{ name: string }>(
        'SELECT name FROM locations WHERE id = $1',
        [DEMO_IDS.mainLocation],
      );
      expect(typed?.name).toMatch(/Main St/);
    });

    it('[S11] records routes answer 401 without a token and 426 for an old protocol, before reading the body', async () => {
      const h = await harness();
      const device = await h.enroll();
      const big = { records: 'x'.repeat(2 * 1024 * 1024) };
      const cases = [
        { method: 'POST' as const, url: '/api/v1/records/push', payload: big },
        { method: 'GET' as const, url: '/api/v1/records/pull?kind=lots' },
      ];
      for (const c of cases) {
        const none = await h.app.inject({ ...c, headers: { 'x-chairside-protocol': '1' } });
        expect(none.statusCode, c.url).toBe(401);
        expect(none.json()).toEqual({ error: 'unauthorized', reason: 'missing_token' });
        const old = await h.app.inject({
          ...c,
          headers: { authorization: `Bearer ${device.token}`, 'x-chairside-protocol': '0' },
        });
        expect(old.statusCode, c.url).toBe(426);
      }
      expect((await pullRecords(h, device, { kind: 'lots' })).statusCode).toBe(200);
    });
  });
}
