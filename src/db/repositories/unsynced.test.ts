import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../../domain/demo/clinic';
import { receiptToEvent } from '../../domain/demo/events';
import { lotIdFor, type ReplicatedRecord } from '../../domain/replica';
import type { ChairsideDatabase } from '../collections';
import { loadDemoClinic } from '../demo';
import { openTestDatabase } from '../testing';
import { recordEvents } from './balances';
import { mergePulledRecords, saveRecords } from './records';
import { forgetRecordEdits, settleRecordEdits, watchUnsyncedCount } from './unsynced';

const TODAY = '2026-11-30';
const T0 = Date.parse('2026-11-30T10:00:00.000Z');
const clinic = buildDemoClinic(TODAY);
const botox = clinic.products[0]!;
const DEVICE = 'tablet-a';
const manager = { deviceId: DEVICE, actorId: clinic.staff[1]!.id, nowMs: T0 };
const open: ChairsideDatabase[] = [];
afterEach(async () => Promise.all(open.splice(0).map((db) => db.close())));

async function tablet() {
  const { db } = await openTestDatabase();
  open.push(db);
  await loadDemoClinic(db, { today: TODAY, hashPin: async (p) => `test$${p}` });
  return db;
}

const newLot = (lotNumber: string) => ({
  id: lotIdFor(clinic.organization.id, botox.id, lotNumber),
  orgId: clinic.organization.id,
  productId: botox.id,
  lotNumber,
  expiry: '2027-06-30',
  unitCostMicros: 6_500_000,
  status: 'available' as const,
});

const count = (db: ChairsideDatabase) => firstValueFrom(watchUnsyncedCount(db, DEVICE));
const stored = async (db: ChairsideDatabase, id: string) =>
  (await db.lots.findOne(id).exec())!.toMutableJSON();

describe('changes only on this tablet [PWA4]', () => {
  it('[S15] counts this device’s events until they are acknowledged, refused ones included', async () => {
    const db = await tablet();
    const receipt = clinic.receipts[0]!;
    const own = [1, 2, 3].map((n) => ({
      ...receiptToEvent(receipt, clinic.organization.id, DEVICE),
      id: `0190f000-0000-7000-8000-00000000000${n}`,
    }));
    await recordEvents(db, own);
    expect(await count(db)).toEqual({ events: 3, records: 0 });
    await db.syncmarks.bulkUpsert([
      { eventId: own[0]!.id, state: 'acked', reason: null },
      { eventId: own[1]!.id, state: 'rejected', reason: 'a front desk may not record a draw' },
    ]);
    expect(await count(db)).toEqual({ events: 2, records: 0 });
  });

  it('[MD9] counts records edited here until the push carrying the latest edit is answered', async () => {
    const db = await tablet();
    // Demo data is not a change made here.
    expect(await count(db)).toEqual({ events: 0, records: 0 });
    await saveRecords(db, 'lots', [newLot('C100'), newLot('C200')], manager);
    expect(await count(db)).toEqual({ events: 0, records: 2 });

    const pushedC100 = await stored(db, newLot('C100').id);
    // Edited again while that copy was on its way: the answer about the older copy settles nothing.
    await saveRecords(db, 'lots', [{ ...newLot('C100'), status: 'hold' }], { ...manager, nowMs: T0 + 1 });
    await settleRecordEdits(db, 'lots', [pushedC100, await stored(db, newLot('C200').id)]);
    expect(await count(db)).toEqual({ events: 0, records: 1 });

    await settleRecordEdits(db, 'lots', [await stored(db, newLot('C100').id)]);
    expect(await count(db)).toEqual({ events: 0, records: 0 });
  });

  it('[MD5] a refused record is not counted: its edits were given up', async () => {
    const db = await tablet();
    await saveRecords(db, 'lots', [newLot('C300')], manager);
    expect((await count(db)).records).toBe(1);
    await forgetRecordEdits(db, 'lots', [newLot('C300').id]);
    expect((await count(db)).records).toBe(0);
  });

  it('records pulled from the server are not changes made here', async () => {
    const db = await tablet();
    const { id, ...data } = newLot('C400');
    const pulled: ReplicatedRecord = {
      id,
      data,
      clocks: { status: '1764500000000-000000-tablet-b', lotNumber: '1764500000000-000000-tablet-b' },
    };
    await mergePulledRecords(db, 'lots', [pulled], { deviceId: DEVICE, nowMs: T0 });
    expect((await count(db)).records).toBe(0);
  });
});
