import { firstValueFrom, filter } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { buildDemoClinic, DEMO_IDS } from '../../domain/demo/clinic';
import { makeEvent } from '../../domain/ledger/fixtures';
import { loadDemoClinic } from '../demo';
import { openTestDatabase } from '../testing';
import { recordEvents } from './balances';
import { watchStockAt, watchStockLocations } from './stock';

const TODAY = '2026-11-23';
const demo = buildDemoClinic(TODAY);
const lotId = (lotNumber: string) => demo.lots.find((l) => l.lotNumber === lotNumber)?.id ?? '';

async function demoDb() {
  const { db } = await openTestDatabase();
  await loadDemoClinic(db, { today: TODAY, hashPin: async (pin) => `hash-${pin}` });
  return db;
}

describe('stock read model', () => {
  it('[ST1][ST5] reads the balances at the chosen location and only the lots of the view asked for', async () => {
    const db = await demoDb();
    await recordEvents(db, [
      makeEvent({
        id: '0190c000-0000-7000-8000-0000000f0001',
        type: 'draw',
        lotId: lotId('C8123AC4'),
        locationId: DEMO_IDS.mainLocation,
        quantityMilli: -100_000,
      }),
    ]);
    const inStock = await firstValueFrom(watchStockAt(db, [DEMO_IDS.mainLocation], 'in_stock'));
    expect(inStock.balances.every((b) => b.locationId === DEMO_IDS.mainLocation)).toBe(true);
    expect(inStock.balances).toHaveLength(8);
    expect(inStock.lots.map((l) => l.lotNumber).sort()).toEqual(
      ['C8377AD2', 'P47512', '283947', 'V20LA81402', '19218-1', '19533-2', 'SC24M07'].sort(),
    );
    const history = await firstValueFrom(watchStockAt(db, [DEMO_IDS.mainLocation], 'history'));
    expect(history.lots.map((l) => l.lotNumber)).toEqual(['C8123AC4']);
    const harbor = await firstValueFrom(watchStockAt(db, [DEMO_IDS.satelliteLocation], 'in_stock'));
    expect(harbor.lots.map((l) => l.lotNumber).sort()).toEqual(['C8377AD2', 'V20LA81402']);
    await db.close();
  });

  it('[ST4] a recall arriving later is seen live', async () => {
    const db = await demoDb();
    const seen = firstValueFrom(
      watchStockAt(db, [DEMO_IDS.mainLocation], 'in_stock').pipe(
        filter((s) => s.lots.some((l) => l.lotNumber === 'C8377AD2' && l.status === 'recalled')),
      ),
    );
    const doc = await db.lots.findOne(lotId('C8377AD2')).exec();
    await doc?.incrementalPatch({ status: 'recalled' });
    expect((await seen).lots.find((l) => l.lotNumber === 'C8377AD2')?.status).toBe('recalled');
    await db.close();
  });

  it('[ST1] lists every location of the clinic and the ones this tablet works at', async () => {
    const db = await demoDb();
    const { locations, tabletLocationIds } = await firstValueFrom(watchStockLocations(db));
    expect(locations.map((l) => l.id)).toEqual([DEMO_IDS.mainLocation, DEMO_IDS.satelliteLocation]);
    expect(tabletLocationIds).toEqual([DEMO_IDS.mainLocation, DEMO_IDS.satelliteLocation]);
    await db.close();
  });
});
