import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeEvent } from '../ledger/fixtures';
import type { LedgerEvent } from '../model';
import { reconcile } from './reconcile';

const LOT = { id: 'lot-1', unitCostMicros: 6_500_000 }; // $6.50/U
const LOC = 'loc-main';
const at = (day: number, hour = 10) =>
  `2025-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const ev = (
  type: LedgerEvent['type'],
  quantityMilli: number,
  deviceTime: string,
  more: Partial<LedgerEvent> = {},
) => makeEvent({ type, quantityMilli, deviceTime, lotId: LOT.id, locationId: LOC, ...more });
const count = (countedMilli: number, deviceTime: string) =>
  ev('count', 0, deviceTime, { payload: { countedMilli } });

/** The docblock's worked example. */
const example: LedgerEvent[] = [
  ev('receive', 100_000, at(1)),
  ev('receive', 200_000, at(2), { payload: { supplier: 'Allergan' } }),
  ev('draw', -40_000, at(3, 9), { visitId: 'visit-a', actorId: 'priya' }),
  ev('draw', -35_000, at(3, 11), { visitId: 'visit-b', actorId: 'jordan' }),
  ev('draw', -25_000, at(3, 14), { visitId: 'visit-c', actorId: 'priya' }),
  ev('waste', -2_000, at(4), { payload: { reason: 'spill' } }),
  count(190_000, at(5)),
];
const PERIOD = { from: at(1, 12), to: at(30) };

describe('shrinkage per lot [SH1]-[SH3]', () => {
  it('[SH1] the seeds’ formula on a hand-computed fixture: 100 + 200 − 100 − 2 = 198 U expected, 190 counted, 8 U = $52.00', () => {
    const r = reconcile(example, LOT, LOC, PERIOD);
    expect(r).toMatchObject({
      openingMilli: 100_000,
      receivedMilli: 200_000,
      drawnMilli: 100_000,
      wastedMilli: 2_000,
      adjustedMilli: 0,
      transferredMilli: 0,
      expectedMilli: 198_000,
      shrinkageMilli: 8_000,
      shrinkageCents: 5_200,
    });
    expect(r.counts).toHaveLength(1);
    expect(r.counts[0]).toMatchObject({
      countedMilli: 190_000,
      expectedMilli: 198_000,
      gapMilli: -8_000,
      gapCents: -5_200,
    });
  });

  it('[SH2] the trail holds the receipt, the draws by visit and provider, and the spill', () => {
    const [check] = reconcile(example, LOT, LOC, PERIOD).counts;
    expect(check?.trail.map((t) => [t.kind, t.quantityMilli, t.visitId, t.actorId, t.detail])).toEqual([
      ['receive', 200_000, null, 'staff-1', 'Allergan'],
      ['draw', -40_000, 'visit-a', 'priya', ''],
      ['draw', -35_000, 'visit-b', 'jordan', ''],
      ['draw', -25_000, 'visit-c', 'priya', ''],
      ['waste', -2_000, null, 'staff-1', 'spill'],
    ]);
  });

  it('[SH1] posting the count’s adjustment makes expected equal counted; the next count finds only new losses', () => {
    const posted = [...example, ev('adjust', -8_000, at(5, 11), { payload: { reason: 'unrecorded use' } })];
    const after = reconcile(posted, LOT, LOC, PERIOD);
    expect(after.expectedMilli).toBe(190_000);
    const later = reconcile([...posted, count(185_000, at(6))], LOT, LOC, PERIOD);
    expect(later.counts.map((c) => c.gapMilli)).toEqual([-8_000, -5_000]);
    expect(later.shrinkageMilli).toBe(13_000);
  });

  it('[SH3] a voided count is left out; another lot or location changes nothing', () => {
    const wrong = count(10_000, at(6));
    const voided = ev('count', 0, at(6, 11), { correctsId: wrong.id, payload: { reason: 'wrong lot' } });
    const noise = [
      makeEvent({ type: 'draw', quantityMilli: -5_000, lotId: 'lot-2', locationId: LOC, deviceTime: at(4) }),
      makeEvent({
        type: 'draw',
        quantityMilli: -5_000,
        lotId: LOT.id,
        locationId: 'loc-harbor',
        deviceTime: at(4),
      }),
    ];
    const r = reconcile([...example, wrong, voided, ...noise], LOT, LOC, PERIOD);
    expect(r.counts).toHaveLength(1);
    expect(r.shrinkageMilli).toBe(8_000);
  });

  it('[SH3] the order events arrive in, and draws recorded after the count, do not change the variance', () => {
    const expected = reconcile(example, LOT, LOC, PERIOD).counts.map((c) => c.gapMilli);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(example, { minLength: example.length, maxLength: example.length }),
        fc.array(fc.integer({ min: 1, max: 50_000 }), { maxLength: 5 }),
        (order, laterDraws) => {
          const during = laterDraws.map((q, i) => ev('draw', -q, at(5, 12 + i), { visitId: `late-${i}` }));
          const r = reconcile([...order, ...during], LOT, LOC, PERIOD);
          expect(r.counts.map((c) => c.gapMilli)).toEqual(expected);
        },
      ),
    );
  });
});
