/** Purchase orders on the server (SPEC [PO1], [PO2]) on every store backend. */
import { describe, expect, it } from 'vitest';
import { checkRecordData } from '../../src/domain/replica';
import { migrate, MIGRATIONS } from '../../sync-server/src/store/migrations';
import type { StoreBackend } from './backends';
import {
  BOTOX,
  clock,
  created,
  edited,
  harnessPerTest,
  newId,
  pulledOne,
  pushRecords,
} from './records-fixtures';
import { MAIN, ORG, STAFF } from './sync-harness';

export const orderData = (o: Record<string, unknown> = {}) => ({
  orgId: ORG,
  locationId: MAIN,
  supplier: 'Allergan Aesthetics',
  reference: 'PO-2025-0042',
  status: 'draft',
  orderedOn: '2025-06-14',
  sentAt: null,
  lines: [
    { productId: BOTOX, packs: 2, quantityMilli: 200_000, unitCostMicros: 6_500_000, expectedOn: null },
  ],
  note: '',
  ...o,
});

export function definePurchaseOrdersContract(backend: StoreBackend): void {
  describe(`purchase orders (${backend.kind})`, () => {
    const harness = harnessPerTest(backend);

    it('[PO2] front desk and injectors cannot send or cancel an order; an admin can', async () => {
      const h = await harness();
      const device = await h.enroll();
      const po = created('purchase_orders', newId(), orderData(), clock(1), STAFF.manager);
      expect((await pushRecords(h, device, [po])).statusCode).toBe(200);
      const copy = await pulledOne(h, device, 'purchase_orders', po.id);
      const sent = { status: 'sent', sentAt: '2025-06-15T09:05:00.000Z' };
      for (const actor of [STAFF.frontDesk, STAFF.injector]) {
        const res = await pushRecords(h, device, [edited(copy, sent, clock(5), actor)]);
        expect(res.statusCode, actor).toBe(403);
      }
      const cancel = await pushRecords(h, device, [
        edited(copy, { status: 'cancelled' }, clock(6), STAFF.frontDesk),
      ]);
      expect(cancel.statusCode).toBe(403);
      expect((await pulledOne(h, device, 'purchase_orders', po.id)).data.status).toBe('draft');
      const ok = await pushRecords(h, device, [edited(copy, sent, clock(7), STAFF.admin)]);
      expect(ok.statusCode, ok.body).toBe(200);
      expect((await pulledOne(h, device, 'purchase_orders', po.id)).data).toMatchObject(sent);
    });

    it('[PO1] refuses the old statuses: received is not stored, it follows from the receipts', async () => {
      const h = await harness();
      const device = await h.enroll();
      for (const status of ['open', 'received', 'partially_received']) {
        const po = created('purchase_orders', newId(), orderData({ status }), clock(1), STAFF.manager);
        const res = await pushRecords(h, device, [po]);
        expect(res.statusCode, status).toBe(400);
        expect(res.json()).toMatchObject({ field: 'status', recordId: po.id });
      }
    });

    it('[PO1][SV1] migration 10 brings orders written before it into the new shape, clocks kept', async () => {
      const driver = await (await backend.createDatabase()).open();
      try {
        const upTo8 = MIGRATIONS.filter((m) => m.id <= 8);
        await migrate(driver, upTo8);
        await driver.query('INSERT INTO organizations (id, name) VALUES ($1, $2)', [ORG, 'Demo']);
        const { sentAt: _s, lines: _l, ...old } = orderData();
        const legacy = (status: string) => ({
          ...old,
          status,
          lines: [{ productId: BOTOX, quantityMilli: 1_000, unitCostMicros: 5 }],
        });
        const ids = [newId(), newId(), newId()];
        const statuses = ['open', 'received', 'cancelled'];
        for (const [i, id] of ids.entries())
          await driver.query(
            "INSERT INTO records (org_id, kind, id, data, clocks) VALUES ($1, 'purchase_orders', $2, $3, $4)",
            [ORG, id, JSON.stringify(legacy(statuses[i]!)), JSON.stringify({ status: clock(1) })],
          );
        expect(await migrate(driver)).toContain(10);
        const rows = await driver.query<{ id: string; data: Record<string, unknown>; clocks: object }>(
          "SELECT id::text AS id, data, clocks FROM records WHERE kind = 'purchase_orders'",
        );
        const byId = new Map(rows.map((r) => [r.id, r]));
        expect(ids.map((id) => byId.get(id)?.data.status)).toEqual(['sent', 'sent', 'cancelled']);
        for (const row of rows) {
          expect(row.data.lines).toEqual([
            { productId: BOTOX, packs: 0, quantityMilli: 1_000, unitCostMicros: 5, expectedOn: null },
          ]);
          expect(row.data.sentAt).toBeNull();
          expect(row.clocks).toEqual({ status: clock(1) });
          expect(checkRecordData('purchase_orders', row.data)).toBeNull();
        }
      } finally {
        await driver.close();
      }
    });
  });
}
