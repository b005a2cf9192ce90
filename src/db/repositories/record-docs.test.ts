import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../../domain/demo/clinic';
import type { PurchaseOrder } from '../../domain/model';
import { stampEdit } from '../../domain/replica';
import type { ChairsideDatabase } from '../collections';
import { openTestDatabase } from '../testing';
import { asRecordDoc, findRecordDocs } from './record-docs';
import { mergePulledRecords, saveRecords } from './records';

const clinic = buildDemoClinic('2026-11-30');
const [here, there] = clinic.locations;
const T0 = Date.parse('2026-11-30T10:00:00.000Z');
const manager = { deviceId: 'tablet-a', actorId: clinic.staff[1]!.id, nowMs: T0 };
const open: ChairsideDatabase[] = [];
afterEach(async () => Promise.all(open.splice(0).map((db) => db.close())));

const po = (n: number, orderedOn: string, locationId = here!.id): PurchaseOrder => ({
  id: `0190a000-0000-7000-8000-0000000000${String(n).padStart(2, '0')}`,
  orgId: clinic.organization.id,
  locationId,
  supplier: 'Allergan',
  reference: `PO-${n}`,
  status: 'draft',
  orderedOn,
  sentAt: null,
  lines: [
    {
      productId: clinic.products[0]!.id,
      packs: 1,
      quantityMilli: 100_000,
      unitCostMicros: 6_500_000,
      expectedOn: null,
    },
  ],
  note: '',
});

describe('the records collection [DB6]', () => {
  it('keeps a purchase order under kind:id with its location and sort key, read back as a flat record', async () => {
    const { db } = await openTestDatabase();
    open.push(db);
    await saveRecords(db, 'purchase_orders', [po(1, '2026-11-30')], manager);
    const stored = (await db.records.findOne('purchase_orders:' + po(1, '').id).exec())!.toMutableJSON();
    expect(stored).toMatchObject({
      kind: 'purchase_orders',
      id: po(1, '').id,
      locationId: here!.id,
      sortKey: '2026-11-30',
      editor: manager.actorId,
    });
    expect(stored.data).toEqual((({ id: _id, ...data }) => data)(po(1, '2026-11-30')));
    const [flat] = (await findRecordDocs(db, 'purchase_orders', [po(1, '').id])).values();
    expect(flat).toMatchObject({ ...po(1, '2026-11-30'), editor: manager.actorId });
    expect(asRecordDoc('counts', stored)).toBeNull();
  });

  it("lists one kind's records at a location in sort order through the [kind, locationId, sortKey] index", async () => {
    const { db } = await openTestDatabase();
    open.push(db);
    const orders = [
      po(1, '2026-11-03'),
      po(2, '2026-11-01'),
      po(3, '2026-11-02', there!.id),
      po(4, '2026-11-04'),
    ];
    await saveRecords(db, 'purchase_orders', orders, manager);
    const query = db.records.find({
      selector: { kind: 'purchase_orders', locationId: here!.id },
      sort: [{ sortKey: 'asc' }],
    });
    expect((await query.exec()).map((d) => d.data.reference)).toEqual(['PO-2', 'PO-1', 'PO-4']);
    expect(query.getPreparedQuery().queryPlan.index).toEqual([
      '_deleted',
      'kind',
      'locationId',
      'sortKey',
      'key',
    ]);
  });

  it('merges a pulled count session into the stored copy field by field, like a kind in its own collection', async () => {
    const { db } = await openTestDatabase();
    open.push(db);
    const count = {
      id: '0190a000-0000-7000-8000-0000000000c1',
      orgId: clinic.organization.id,
      locationId: here!.id,
      startedBy: manager.actorId,
      startedAt: '2026-11-30T09:00:00.000Z',
      status: 'open' as const,
      closedAt: null,
      note: '',
    };
    await saveRecords(db, 'counts', [count], manager);
    const { id, ...fields } = { ...count, status: 'closed', closedAt: '2026-11-30T11:00:00.000Z' };
    const later = stampEdit(null, id, fields, '9999999999999-000000-tablet-b');
    await mergePulledRecords(
      db,
      'counts',
      [{ ...later, data: { status: 'closed' }, clocks: { status: later.clocks.status! } }],
      {
        deviceId: 'tablet-a',
        nowMs: T0,
      },
    );
    const [merged] = (await findRecordDocs(db, 'counts', [id])).values();
    expect(merged).toMatchObject({ ...count, status: 'closed', closedAt: null, editor: manager.actorId });
  });
});
