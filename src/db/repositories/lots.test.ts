import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { buildDemoClinic, DEMO_IDS } from '../../domain/demo/clinic';
import { lotIdFor } from '../../domain/replica/lot-id';
import { loadDemoClinic } from '../demo';
import { openTestDatabase } from '../testing';
import { createLotFromScan, findLotByNumber, lotsOfProduct, watchOnHand } from './lots';
import { editedOn } from './records';

const TODAY = '2026-11-23';
const demo = buildDemoClinic(TODAY);
const botox = demo.products[0];
const ctx = {
  deviceId: 'tablet-1',
  actorId: demo.staff[2]?.id ?? '',
  nowMs: Date.parse(`${TODAY}T15:00:00Z`),
};

async function demoDb() {
  const { db } = await openTestDatabase();
  await loadDemoClinic(db, { today: TODAY, hashPin: async (pin) => `hash-${pin}` });
  return db;
}

describe('lots created from a scan', () => {
  it('[SC7][MD4] a new lot gets the deterministic id and is stamped for replication', async () => {
    const db = await demoDb();
    if (!botox) throw new Error('no demo Botox');
    const valid = { lotNumber: 'NEW1', expiry: '2027-09-30', unitCostMicros: 6_800_000 };
    const { lot, created } = await createLotFromScan(db, botox, valid, ctx);
    expect(created).toBe(true);
    expect(lot.id).toBe(lotIdFor(DEMO_IDS.organization, botox.id, 'NEW1'));
    const stored = (await db.lots.findOne(lot.id).exec())?.toMutableJSON();
    expect(stored).toMatchObject({ ...lot, editor: ctx.actorId });
    expect(stored && editedOn(stored, ctx.deviceId)).toBe(true);
    expect((await lotsOfProduct(db, botox.id)).map((l) => l.lotNumber)).toContain('NEW1');
    await db.close();
  });

  it('[SC7][MD4] an existing lot (any case) is found and returned unchanged, never edited by a scan', async () => {
    const db = await demoDb();
    if (!botox) throw new Error('no demo Botox');
    const demoLot = demo.lots.find((l) => l.lotNumber === 'C8123AC4');
    expect((await findLotByNumber(db, botox.id, ' c8123ac4 '))?.id).toBe(demoLot?.id);
    expect(await findLotByNumber(db, botox.id, 'NOPE')).toBeNull();
    const before = (await db.lots.findOne(demoLot?.id ?? '').exec())?.toMutableJSON();
    const valid = { lotNumber: 'c8123ac4', expiry: '2031-01-01', unitCostMicros: 1 };
    const { lot, created } = await createLotFromScan(db, botox, valid, ctx);
    expect(created).toBe(false);
    expect(lot.id).toBe(demoLot?.id);
    expect((await db.lots.findOne(lot.id).exec())?.toMutableJSON()).toEqual(before);
    await db.close();
  });

  it('[SC10] on-hand of a lot at a location: the demo stock, and 0 for a lot never received there', async () => {
    const db = await demoDb();
    const demoLot = demo.lots.find((l) => l.lotNumber === 'C8123AC4');
    const receipt = demo.receipts.find(
      (r) => r.lotId === demoLot?.id && r.locationId === DEMO_IDS.mainLocation,
    );
    expect(await firstValueFrom(watchOnHand(db, demoLot?.id ?? '', DEMO_IDS.mainLocation))).toBe(
      receipt?.quantityMilli,
    );
    expect(await firstValueFrom(watchOnHand(db, 'no-such-lot', DEMO_IDS.mainLocation))).toBe(0);
    await db.close();
  });
});
