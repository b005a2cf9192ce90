import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoClinic, DEMO_IDS } from '../../domain/demo/clinic';
import { buildDrawEvents } from '../../domain/treatment/draw';
import type { Product, Visit } from '../../domain/model';
import type { ChairsideDatabase } from '../collections';
import { loadDemoClinic } from '../demo';
import { openTestDatabase } from '../testing';
import { diffAgainstReducer, recordEvents } from './balances';
import { lookupFefo } from './fefo';
import { saveVisit, summarizeVisit } from './visits';

const TODAY = '2026-11-23';
const NOW = Date.parse('2026-11-23T15:00:00.000Z');
const clinic = buildDemoClinic(TODAY);
const byName = (name: string) => clinic.products.find((p) => p.name.startsWith(name)) as Product;
const open: ChairsideDatabase[] = [];
afterEach(async () => Promise.all(open.splice(0).map((db) => db.close())));

async function demoDb() {
  const { db } = await openTestDatabase();
  open.push(db);
  await loadDemoClinic(db, { today: TODAY, hashPin: async (p) => `test$${p}` });
  return db;
}

let n = 0;
const newId = () => `0190a000-0000-7000-8000-${String(++n).padStart(12, '0')}`;

function visit(id: string, priceChargedCents: number | null = null): Visit {
  return {
    id,
    orgId: DEMO_IDS.organization,
    locationId: DEMO_IDS.mainLocation,
    patientChartRef: `CH-${id}`,
    providerId: clinic.staff[2]?.id ?? '',
    treatmentAreas: ['Glabella'],
    priceChargedCents,
    startedAt: '2026-11-23T15:00:00.000Z',
    deviceId: 'tablet-1',
  };
}

const at = (q: { product: Product }) => ({
  ...q,
  locationId: DEMO_IDS.mainLocation,
  nowMs: NOW,
  utcOffsetMinutes: 0,
});

describe('treatment on the local database', () => {
  it('[F1] suggests the soonest-expiring Botox lot, then the vial opened from it', async () => {
    const db = await demoDb();
    const botox = byName('Botox');
    const first = await lookupFefo(db, at({ product: botox }));
    expect(first.suggestion?.lotNumber).toBe('C8123AC4');
    expect(first.suggestion?.kind).toBe('lot');
    const v = visit('v1');
    await saveVisit(db, v);
    await recordEvents(
      db,
      buildDrawEvents({
        product: botox,
        visit: v,
        candidate: first.suggestion!,
        quantityMilli: 40_000,
        actorId: 'a',
        deviceId: 'tablet-1',
        deviceTime: '2026-11-23T15:01:00.000Z',
        newId,
        deviationReason: null,
        override: null,
      }),
    );
    const second = await lookupFefo(db, at({ product: botox }));
    expect(second.suggestion).toMatchObject({
      kind: 'container',
      lotNumber: 'C8123AC4',
      availableMilli: 60_000,
    });
    expect(await diffAgainstReducer(db)).toEqual([]);
  });

  it('[F2] never suggests expired or recalled lots; lists them as blocked', async () => {
    const db = await demoDb();
    const xeomin = await lookupFefo(db, at({ product: byName('Xeomin') }));
    expect(xeomin.suggestion).toBeNull();
    expect(xeomin.candidates[0]?.blockers).toContain('expired');
    const restylane = await lookupFefo(db, at({ product: byName('Restylane') }));
    expect(restylane.suggestion?.lotNumber).toBe('19533-2');
    expect(restylane.candidates.find((c) => c.lotNumber === '19218-1')?.blockers).toContain('recalled');
  });

  it('[C1] the seed example: $6.50/U, 40 U, 35 U, 25 U in three visits → $260.00, $227.50, $162.50', async () => {
    const db = await demoDb();
    const botox = byName('Botox');
    const costs: number[] = [];
    for (const [i, units] of [40, 35, 25].entries()) {
      const v = visit(`v${i}`);
      await saveVisit(db, v);
      const { suggestion } = await lookupFefo(db, at({ product: botox }));
      expect(suggestion?.lotNumber).toBe('C8123AC4');
      await recordEvents(
        db,
        buildDrawEvents({
          product: botox,
          visit: v,
          candidate: suggestion!,
          quantityMilli: units * 1000,
          actorId: 'a',
          deviceId: 'tablet-1',
          deviceTime: `2026-11-23T15:0${i}:00.000Z`,
          newId,
          deviationReason: null,
          override: null,
        }),
      );
      costs.push((await summarizeVisit(db, v)).cogsCents);
    }
    expect(costs).toEqual([26_000, 22_750, 16_250]);
    // The vial is used up: the next suggestion is the other lot, and the first lot has nothing left.
    const after = await lookupFefo(db, at({ product: botox }));
    expect(after.suggestion?.lotNumber).toBe('C8377AD2');
    expect(await diffAgainstReducer(db)).toEqual([]);
  });
});
