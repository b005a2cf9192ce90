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
  newLot,
  newId,
  pulledOne,
  pullKind,
  pullRecords,
  pushRecords,
  putStaff,
  recordCount,
  withApproval,
  productData,
} from './records-fixtures';
import { ADMIN_ONLY_REASON } from '../../sync-server/src/services/record-plan';
import { approved, LOTS, ORG, OTHER, serverEvent, STAFF } from './sync-harness';

export function defineRecordsRulesContract(backend: StoreBackend): void {
  describe(`records push rules (${backend.kind})`, () => {
    const harness = harnessPerTest(backend);

    it("[MD5][A8][A5] an injector changing a lot's status, a device editing staff or locations, a status change without its proof: 403, nothing written", async () => {
      const h = await harness();
      const device = await h.enroll();
      const before = await recordCount(h);
      const lot = await pulledOne(h, device, 'lots', LOTS[0] ?? '');
      const injector = await pulledOne(h, device, 'staff', STAFF.injector);
      const location = created('locations', newId(), locationData(), clock(1), STAFF.admin);
      const hold = edited(lot, { status: 'hold' }, clock(2), STAFF.injector);
      const promote = edited(injector, { role: 'manager' }, clock(3), STAFF.admin);
      const stranger = newLot({ lotNumber: 'X1' }, clock(4), newId());
      const unproven = edited(lot, { status: 'hold' }, clock(5), STAFF.manager);
      const res = await pushRecords(h, device, [location, hold, promote, stranger, unproven]);
      expect(res.statusCode).toBe(403);
      const needsProof = "changing status of a lot needs the editor's proven approval (approval)";
      expect(res.json()).toEqual({
        error: 'forbidden',
        rejected: [
          { kind: 'locations', id: location.id, reason: ADMIN_ONLY_REASON },
          { kind: 'lots', id: lot.id, reason: 'an injector may not change a lot' },
          { kind: 'staff', id: injector.id, reason: ADMIN_ONLY_REASON },
          { kind: 'lots', id: stranger.id, reason: `unknown staff member ${stranger.actorId}` },
          { kind: 'lots', id: lot.id, reason: needsProof },
        ],
      });
      expect(await recordCount(h)).toBe(before);
      expect((await pulledOne(h, device, 'lots', lot.id)).data.status).toBe('available');
      // Another person's proof, or the manager's proof of another edit, does not do either.
      const forged = {
        ...(await withApproval({ ...unproven, actorId: STAFF.admin })),
        actorId: STAFF.manager,
      };
      const replayed = {
        ...(await withApproval(unproven)),
        clocks: edited(lot, { status: 'hold' }, clock(6), STAFF.manager).clocks,
      };
      for (const attempt of [forged, replayed])
        expect((await pushRecords(h, device, [attempt])).json()).toMatchObject({
          rejected: [{ reason: needsProof }],
        });
      // The manager's own proof of this edit goes through.
      expect((await pushRecords(h, device, [await withApproval(unproven)])).json()).toEqual({
        changed: [lot.id],
        unchanged: [],
      });
    });

    it('[MD1][MD5][PO2] purchase orders by managers and admins, count sessions by those who count', async () => {
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
          status: 'draft',
          orderedOn: '2025-06-14',
          sentAt: null,
          lines: [
            {
              productId: BOTOX,
              packs: 4,
              quantityMilli: 400_000,
              unitCostMicros: 6_500_000,
              expectedOn: null,
            },
          ],
          note: '',
        },
        clock(1),
        STAFF.frontDesk,
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
      const ok = await pushRecords(h, device, [{ ...po, actorId: STAFF.manager }, count]);
      expect(ok.json()).toEqual({ changed: [po.id, count.id], unchanged: [] });
      expect((await pulledOne(h, device, 'purchase_orders', po.id)).data.reference).toBe('PO-2025-0042');
      expect((await pulledOne(h, device, 'counts', count.id)).data.status).toBe('open');
      const badLine = { ...po, id: newId(), actorId: STAFF.manager };
      badLine.data = {
        ...po.data,
        lines: [{ productId: BOTOX, packs: 0, quantityMilli: 0, unitCostMicros: 1, expectedOn: null }],
      };
      const bad = await pushRecords(h, device, [badLine]);
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ field: 'lines', recordId: badLine.id });
    });

    it('[A8][A5][MD8] an admin creates a manager through the admin API; their proven adjust counts, and once demoted it does not', async () => {
      const h = await harness();
      const device = await h.enroll();
      const staffId = newId();
      const body = { name: 'Alex New', role: 'manager', locationIds: [], pin: '135790' };
      expect((await putStaff(h, staffId, body)).statusCode).toBe(200);
      const [row] = await h.store.driver.query<Record<string, unknown>>(
        'SELECT org_id::text AS org, role, pin_hash, location_ids FROM staff WHERE id = $1',
        [staffId],
      );
      expect(row).toMatchObject({ org: ORG, role: 'manager', location_ids: [] });
      // Tablets get a partial verifier for someone who approves, never the PIN ([A6]).
      expect(String(row?.pin_hash)).toMatch(/^pbkdf2-sha256-t12\$/);
      expect((await pulledOne(h, device, 'staff', staffId)).data.pinHash).toBe(row?.pin_hash);
      const adjust = serverEvent({
        type: 'adjust',
        quantityMilli: -1_000,
        actorId: staffId,
        payload: { reason: 'r' },
      });
      expect((await h.push(device, [await approved(adjust, staffId, '135790')])).statusCode).toBe(200);
      // Demoted by an admin: the typed staff table follows and the events push refuses an adjust.
      expect((await putStaff(h, staffId, { ...body, role: 'injector', pin: '1357' })).statusCode).toBe(200);
      const again = await approved({ ...adjust, id: newId() }, staffId, '135790');
      expect((await h.push(device, [again])).statusCode).toBe(403);
    });

    it('[MD6][S12][S2] a record naming another organization is 403; another organization neither sees nor changes these records', async () => {
      const h = await harness();
      const demo = await h.enroll();
      const other = await h.enroll(OTHER.location);
      const before = await recordCount(h);
      const intoOther = created(
        'products',
        newId(),
        productData({ orgId: OTHER.org }),
        clock(1),
        STAFF.manager,
      );
      const res = await pushRecords(h, demo, [intoOther]);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({
        error: 'forbidden',
        rejected: [
          { kind: 'products', id: intoOther.id, reason: expect.stringMatching(/another organization/) },
        ],
      });
      expect(await recordCount(h)).toBe(before);
      // Org B pulls none of org A's records, and its manager is unknown staff in org A.
      for (const kind of ['locations', 'staff', 'products', 'lots', 'visits'])
        expect(await pullKind(h, other, kind), kind).toEqual([]);
      const borrowed = newLot({ lotNumber: 'B1' }, clock(1), OTHER.manager);
      expect((await pushRecords(h, demo, [borrowed])).statusCode).toBe(403);
      // Org B reusing org A's product id makes org B's own record; org A's row and record stay.
      const hijack = created(
        'products',
        BOTOX,
        productData({ orgId: OTHER.org, name: 'Hijacked', gtins: ['00099000000967'] }),
        clock(9),
        OTHER.manager,
      );
      expect((await pushRecords(h, other, [hijack])).json()).toEqual({ changed: [hijack.id], unchanged: [] });
      expect((await pullKind(h, other, 'products')).map((r) => r.data.name)).toEqual(['Hijacked']);
      expect((await pulledOne(h, demo, 'products', BOTOX)).data.name).toMatch(/Botox/);
      const [typed] = await h.store.driver.query<{ name: string }>(
        'SELECT name FROM products WHERE id = $1',
        [BOTOX],
      );
      expect(typed?.name).toMatch(/Botox/);
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
