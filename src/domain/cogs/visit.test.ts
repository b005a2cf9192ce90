import { describe, expect, it } from 'vitest';
import { buildDemoClinic } from '../demo/clinic';
import { makeCorrection } from '../ledger/correction';
import { makeEvent } from '../ledger/fixtures';
import { formatMoney } from '../money';
import type { LedgerEvent, Lot, Product, Visit } from '../model';
import { usedByProduct, visitSummary } from './visit';

const clinic = buildDemoClinic('2025-03-10');
const products = new Map(clinic.products.map((p) => [p.id, p]));
const lots = new Map(clinic.lots.map((l) => [l.id, l]));
const seedLot = clinic.lots.find((l) => l.lotNumber === 'C8123AC4') as Lot;

function visit(id: string, priceChargedCents: number | null = null): Visit {
  return {
    id,
    orgId: clinic.organization.id,
    locationId: clinic.locations[0]?.id ?? '',
    patientChartRef: `CH-${id}`,
    providerId: 'staff-3',
    treatmentAreas: ['glabella'],
    priceChargedCents,
    startedAt: '2025-03-10T15:00:00.000Z',
    deviceId: 'tablet-1',
  };
}

const draw = (visitId: string, quantityMilli: number, extra: Partial<LedgerEvent> = {}) =>
  makeEvent({ type: 'draw', visitId, lotId: seedLot.id, quantityMilli, ...extra });

const undo = (e: LedgerEvent) =>
  makeCorrection(e, {
    id: `fix-${e.id}`,
    actorId: 's',
    deviceId: 't',
    deviceTime: '2025-03-10T16:00:00.000Z',
    reason: 'x',
  });

describe('visitSummary', () => {
  it('[M2][C2] the seed worked example: $6.50/U × 40 U, 35 U, 25 U in three visits = $260.00, $227.50, $162.50', () => {
    expect(seedLot.unitCostMicros).toBe(6_500_000);
    const totals = [40_000, 35_000, 25_000].map((q, i) => {
      const v = visit(`v${i}`);
      const s = visitSummary({ visit: v, events: [draw(v.id, -q)], lots, products });
      expect(s.lines).toHaveLength(1);
      expect(s.lines[0]).toMatchObject({
        lotNumber: 'C8123AC4',
        productName: 'Botox Cosmetic 100 U',
        quantityMilli: q,
        unitCostMicros: 6_500_000,
        correction: false,
      });
      return formatMoney(s.cogsCents);
    });
    expect(totals).toEqual(['$260.00', '$227.50', '$162.50']);
  });

  it('[C1] margin = price charged - COGS; null when no price was entered', () => {
    const events = [draw('v1', -40_000)];
    expect(visitSummary({ visit: visit('v1', 52_000), events, lots, products }).marginCents).toBe(26_000);
    expect(visitSummary({ visit: visit('v1'), events, lots, products })).toMatchObject({
      cogsCents: 26_000,
      priceChargedCents: null,
      marginCents: null,
    });
  });

  it('[C1][L5] a corrected draw shows a negative, marked line and nets out of COGS', () => {
    const d = draw('v1', -40_000, { id: 'd1', deviceTime: '2025-03-10T15:10:00.000Z' });
    const keep = draw('v1', -25_000, { id: 'd2', deviceTime: '2025-03-10T15:20:00.000Z' });
    const s = visitSummary({ visit: visit('v1'), events: [undo(d), keep, d], lots, products });
    expect(s.lines.map((l) => [l.eventId, l.quantityMilli, l.costCents, l.correction, l.correctsId])).toEqual(
      [
        ['d1', 40_000, 26_000, false, null],
        ['d2', 25_000, 16_250, false, null],
        ['fix-d1', -40_000, -26_000, true, 'd1'],
      ],
    );
    expect(formatMoney(s.cogsCents)).toBe('$162.50');
  });

  it('[C1][L7] counts a redelivered draw once and ignores other visits and non-draws', () => {
    const d = draw('v1', -40_000);
    const events = [
      d,
      { ...d },
      draw('v2', -35_000),
      makeEvent({ type: 'waste', visitId: 'v1', lotId: seedLot.id, containerId: 'o1' }),
    ];
    const s = visitSummary({ visit: visit('v1'), events, lots, products });
    expect(s.lines.map((l) => l.eventId)).toEqual([d.id]);
    expect(s.cogsCents).toBe(26_000);
  });

  it('[C3] a draw of a lot not on this device is reported unpriced, never guessed', () => {
    const known = draw('v1', -40_000);
    const unknown = draw('v1', -10_000, { lotId: 'lot-not-synced-yet' });
    const s = visitSummary({ visit: visit('v1', 100_000), events: [known, unknown], lots, products });
    expect(s.lines.map((l) => l.eventId)).toEqual([known.id]);
    expect(s.unpricedEventIds).toEqual([unknown.id]);
    expect(s.cogsCents).toBe(26_000);
    expect(s.marginCents).toBeNull();
  });

  it('[C1] accepts plain-object lookups (server JSON) as well as Maps', () => {
    const s = visitSummary({
      visit: visit('v1'),
      events: [draw('v1', -35_000)],
      lots: Object.fromEntries(lots) as Record<string, Lot>,
      products: Object.fromEntries(products) as Record<string, Product>,
    });
    expect(s.cogsCents).toBe(22_750);
  });
});

describe('[M2] COGS rounding: half-even once per line', () => {
  const fiveDollar: Lot = { ...seedLot, id: 'lot-5', unitCostMicros: 5_000_000 };
  const cents = (...quantities: number[]) =>
    visitSummary({
      visit: visit('v1'),
      events: quantities.map((q) =>
        makeEvent({ type: 'draw', visitId: 'v1', lotId: 'lot-5', quantityMilli: q }),
      ),
      lots: { 'lot-5': fiveDollar },
      products,
    });

  it.each([
    [-1, 0], // 0.001 U × $5.00 = 0.5 ¢ → 0 (even)
    [-3, 2], // 0.003 U = 1.5 ¢ → 2 (even)
    [-5, 2], // 0.005 U = 2.5 ¢ → 2 (even)
    [-7, 4], // 0.007 U = 3.5 ¢ → 4 (even)
    [3, -2], // a correction of 0.003 U rounds symmetrically
  ])('[M2] a line of %d milli-U at $5.00/U costs %d cents', (q, expected) => {
    const s = cents(q);
    expect(s.lines[0]?.costCents).toBe(expected);
    expect(s.cogsCents).toBe(expected);
  });

  it('[M2] rounds each line, then sums: three draws of 0.001 U cost 0 ¢, one of 0.003 U costs 2 ¢', () => {
    expect(cents(-1, -1, -1).cogsCents).toBe(0);
    expect(cents(-3).cogsCents).toBe(2);
  });
});

describe('[T7] what a visit used, for "Done with this visit"', () => {
  it('sums each product’s draws and leaves out the undone ones', () => {
    const v = visit('v-done');
    const first = draw(v.id, -40_000, { id: 'd1', deviceTime: '2025-03-10T15:01:00.000Z' });
    const second = draw(v.id, -25_000, { id: 'd2', deviceTime: '2025-03-10T15:02:00.000Z' });
    const third = draw(v.id, -10_000, { id: 'd3', deviceTime: '2025-03-10T15:03:00.000Z' });
    const summary = visitSummary({ visit: v, events: [first, second, third, undo(third)], lots, products });
    expect(usedByProduct(summary)).toEqual([
      { productName: 'Botox Cosmetic 100 U', quantityMilli: 65_000, draws: 2 },
    ]);
    const allUndone = visitSummary({ visit: v, events: [first, undo(first)], lots, products });
    expect(usedByProduct(allUndone)).toEqual([]);
  });
});
