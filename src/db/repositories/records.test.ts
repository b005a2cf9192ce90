import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../../domain/demo/clinic';
import { receiptToEvent } from '../../domain/demo/events';
import { lotIdFor, stampEdit, type ReplicatedRecord } from '../../domain/replica';
import type { ChairsideDatabase } from '../collections';
import { loadDemoClinic } from '../demo';
import { openTestDatabase } from '../testing';
import { currentBalance, recordEvents } from './balances';
import { DEMO_CLOCK, editedOn, mergePulledRecords, saveRecords, toReplicated } from './records';

const TODAY = '2026-11-30';
const T0 = Date.parse('2026-11-30T10:00:00.000Z');
const clinic = buildDemoClinic(TODAY);
const botox = clinic.products[0]!;
const open: ChairsideDatabase[] = [];
afterEach(async () => Promise.all(open.splice(0).map((db) => db.close())));

async function tablet(withDemo = true) {
  const { db } = await openTestDatabase();
  open.push(db);
  if (withDemo) await loadDemoClinic(db, { today: TODAY, hashPin: async (p) => `test$${p}` });
  return db;
}
const manager = { deviceId: 'tablet-a', actorId: clinic.staff[1]!.id, nowMs: T0 };
const newLot = (lotNumber: string) => ({
  id: lotIdFor(clinic.organization.id, botox.id, lotNumber),
  orgId: clinic.organization.id,
  productId: botox.id,
  lotNumber,
  expiry: '2027-06-30',
  unitCostMicros: 6_500_000,
  status: 'available' as const,
});

describe('master-data records on the tablet [MD9]', () => {
  it('stamps created and changed fields with this tablet clock and remembers the editor', async () => {
    const db = await tablet(false);
    await saveRecords(db, 'lots', [newLot('C100')], manager);
    const created = (await db.lots.findOne(newLot('C100').id).exec())!.toMutableJSON();
    expect(Object.keys(created.clocks).sort()).toEqual(
      ['expiry', 'lotNumber', 'orgId', 'productId', 'status', 'unitCostMicros'].sort(),
    );
    expect(created.editor).toBe(manager.actorId);
    expect(editedOn(created, 'tablet-a')).toBe(true);

    await saveRecords(db, 'lots', [{ ...newLot('C100'), status: 'hold' }], {
      ...manager,
      nowMs: T0 - 60_000,
    });
    const held = (await db.lots.findOne(newLot('C100').id).exec())!.toMutableJSON();
    // The wall clock stepped back a minute; the status clock still sorts after the creation clock.
    expect(held.clocks.status! > created.clocks.status!).toBe(true);
    expect(held.clocks.expiry).toBe(created.clocks.expiry);
  });

  it('a pulled copy keeps a local edit of another field and takes the later value of the same field', async () => {
    const db = await tablet(false);
    await saveRecords(db, 'lots', [newLot('C200')], manager);
    await saveRecords(db, 'lots', [{ ...newLot('C200'), unitCostMicros: 7_000_000 }], {
      ...manager,
      nowMs: T0 + 1000,
    });
    const local = toReplicated((await db.lots.findOne(newLot('C200').id).exec())!.toMutableJSON());
    const remote: ReplicatedRecord = stampEdit(
      local,
      local.id,
      { status: 'recalled' },
      '9999999999999-000000-tablet-b',
    );
    remote.clocks.unitCostMicros = local.clocks.unitCostMicros!;
    remote.data.unitCostMicros = 7_000_000;
    const changed = await mergePulledRecords(db, 'lots', [remote], {
      deviceId: 'tablet-a',
      nowMs: T0 + 2000,
    });
    expect(changed).toHaveLength(1);
    const merged = (await db.lots.findOne(local.id).exec())!.toMutableJSON();
    expect(merged).toMatchObject({ status: 'recalled', unitCostMicros: 7_000_000, editor: manager.actorId });
    // The next local edit sorts after the clock it has seen, even from a clock far ahead.
    await saveRecords(db, 'lots', [{ ...newLot('C200'), status: 'hold' }], { ...manager, nowMs: T0 + 3000 });
    const after = (await db.lots.findOne(local.id).exec())!.toMutableJSON();
    expect(after.status).toBe('hold');
    expect(after.clocks.status! > '9999999999999-000000-tablet-b').toBe(true);
  });

  it('demo data loads at the demo clock, loses to any server copy and is never pushed', async () => {
    const db = await tablet();
    const lot = (await db.lots.findOne(clinic.lots[0]!.id).exec())!.toMutableJSON();
    expect(Object.values(lot.clocks).every((c) => c === DEMO_CLOCK)).toBe(true);
    expect(editedOn(lot, 'tablet-a')).toBe(false);
    const serverCopy = stampEdit(
      null,
      lot.id,
      { ...toReplicated(lot).data, expiry: '2030-01-31' },
      '1764500000000-000000-server-seed',
    );
    await mergePulledRecords(db, 'lots', [serverCopy], { deviceId: 'tablet-a', nowMs: T0 });
    await loadDemoClinic(db, { today: '2026-12-05', hashPin: async (p) => `test$${p}` });
    expect((await db.lots.findOne(lot.id).exec())!.expiry).toBe('2030-01-31');
  });

  it('two tablets creating the same lot offline from one barcode hold one record that merges [MD4]', async () => {
    // RxDB's open core allows 13 open collections per realm: one tablet database at a time.
    const lotOn = async (db: ChairsideDatabase) =>
      (await db.lots.find().exec()).map((d) => toReplicated(d.toMutableJSON()));
    const a = await tablet(false);
    await saveRecords(a, 'lots', [newLot(' c300 '.trim().toUpperCase())], manager);
    const [fromA] = await lotOn(a);
    await a.close();
    const b = await tablet(false);
    const onB = { ...manager, deviceId: 'tablet-b', nowMs: T0 + 5 };
    await saveRecords(b, 'lots', [{ ...newLot('C300'), unitCostMicros: 6_400_000 }], onB);
    const [fromB] = await lotOn(b);
    await mergePulledRecords(b, 'lots', [fromA!], { deviceId: 'tablet-b', nowMs: T0 + 10 });
    const mergedOnB = await lotOn(b);
    await b.close();
    // A third replica receives the two copies the other way round.
    const c = await tablet(false);
    await mergePulledRecords(c, 'lots', [fromB!, fromA!], { deviceId: 'tablet-c', nowMs: T0 + 10 });
    const mergedOnC = await lotOn(c);
    expect(mergedOnB).toHaveLength(1);
    expect(mergedOnC).toEqual(mergedOnB);
    expect(mergedOnB[0]!.data.unitCostMicros).toBe(6_400_000);
  });

  it('a lot arriving after its events gives their balances its product', async () => {
    const db = await tablet(false);
    const receipt = clinic.receipts[0]!;
    await recordEvents(db, [receiptToEvent(receipt, clinic.organization.id)]);
    expect((await currentBalance(db, receipt.lotId, receipt.locationId))!.productId).toBe('');
    const lot = clinic.lots.find((l) => l.id === receipt.lotId)!;
    const { id, ...fields } = lot;
    await mergePulledRecords(db, 'lots', [stampEdit(null, id, fields, '1764500000000-000000-server')], {
      deviceId: 'tablet-a',
      nowMs: T0,
    });
    expect((await currentBalance(db, receipt.lotId, receipt.locationId))!.productId).toBe(lot.productId);
  });
});
