import { describe, expect, it } from 'vitest';
import { buildDemoClinic, DEMO_IDS } from '../demo/clinic';
import { receiptToEvent } from '../demo/events';
import { reduceLedger } from '../ledger/reducer';
import { BOTOX, fefoInput, HERE, makeContainer, makeLot } from './fixtures';
import { rankFefo } from './rank';
import type { Candidate } from './rank';

const ids = (cs: Candidate[]) => cs.map((c) => c.containerId ?? c.lotId);

/** The docblock's worked example. */
const example = () =>
  fefoInput({
    lots: [
      makeLot({ id: 'A', lotNumber: 'C8123', expiry: '2025-03-30' }),
      makeLot({ id: 'B', lotNumber: 'C8377', expiry: '2025-11-05' }),
      makeLot({ id: 'X', lotNumber: '283947', expiry: '2025-03-07' }),
      makeLot({ id: 'R', lotNumber: '19218', expiry: '2026-01-01', status: 'recalled' }),
    ],
    lotBalances: { A: 100_000, B: 300_000, X: 100_000, R: 50_000 },
    containers: [makeContainer({ containerId: 'vA', lotId: 'A', usedMilli: 40_000, remainingMilli: 60_000 })],
  });

describe('rankFefo', () => {
  it('[F1] the worked example ranks vA, A, B, X, R and suggests the open vial', () => {
    const { candidates, suggestion } = rankFefo(example());
    expect(ids(candidates)).toEqual(['vA', 'A', 'B', 'X', 'R']);
    expect(suggestion?.containerId).toBe('vA');
    expect(candidates.map((c) => c.availableMilli)).toEqual([60_000, 40_000, 300_000, 100_000, 50_000]);
    expect(candidates.map((c) => c.blockers)).toEqual([[], [], [], ['expired'], ['recalled']]);
    expect(candidates.map((c) => c.overridable)).toEqual([false, false, false, true, true]);
  });

  it('[F2] one millisecond past beyond-use the vial is blocked and not overridable; lot A is suggested', () => {
    const atLimit = rankFefo({ ...example(), nowMs: Date.parse('2025-03-11T13:00:00.000Z') });
    expect(atLimit.suggestion?.containerId).toBe('vA');
    const { candidates, suggestion } = rankFefo({
      ...example(),
      nowMs: Date.parse('2025-03-11T13:00:00.001Z'),
    });
    expect(suggestion?.lotId).toBe('A');
    expect(suggestion?.kind).toBe('lot');
    const vial = candidates.find((c) => c.containerId === 'vA');
    expect(vial).toMatchObject({ blockers: ['beyond_use'], overridable: false });
    expect(ids(candidates)).toEqual(['A', 'B', 'X', 'R', 'vA']);
  });

  it.each([-720, -300, -240, 0, 330, 540, 840])(
    '[D1][F2] a lot expiring 2025-03-31 is usable at 23:59:59.999 local and expired at 00:00 next day (offset %d min)',
    (utcOffsetMinutes) => {
      const localMidnightApr1 = Date.parse('2025-04-01T00:00:00.000Z') - utcOffsetMinutes * 60_000;
      const input = fefoInput({
        lots: [makeLot({ id: 'L', expiry: '2025-03-31' })],
        lotBalances: { L: 10_000 },
        utcOffsetMinutes,
      });
      expect(rankFefo({ ...input, nowMs: localMidnightApr1 - 1 }).suggestion?.lotId).toBe('L');
      const next = rankFefo({ ...input, nowMs: localMidnightApr1 });
      expect(next.suggestion).toBeNull();
      expect(next.candidates[0]?.blockers).toEqual(['expired']);
    },
  );

  it('[F4] hold, quarantine and recalled are listed, blocked and overridable; empty is not overridable', () => {
    const { candidates, suggestion } = rankFefo(
      fefoInput({
        lots: [
          makeLot({ id: 'h', status: 'hold' }),
          makeLot({ id: 'q', status: 'quarantine' }),
          makeLot({ id: 'e', expiry: '2025-01-01', status: 'recalled' }),
        ],
        lotBalances: { h: 1, q: 1, e: 1 },
      }),
    );
    expect(suggestion).toBeNull();
    expect(candidates.map((c) => [c.lotId, c.blockers, c.overridable])).toEqual([
      ['e', ['expired', 'recalled'], true],
      ['h', ['hold'], true],
      ['q', ['quarantine'], true],
    ]);
    const all = rankFefo(
      fefoInput({
        lots: [makeLot({ id: 'A' })],
        lotBalances: { A: 100_000 },
        containers: [makeContainer({ containerId: 'v', lotId: 'A' })],
      }),
    ).candidates;
    expect(all.map((c) => [c.containerId ?? c.lotId, c.availableMilli, c.blockers, c.overridable])).toEqual([
      ['v', 100_000, [], false],
      ['A', 0, ['empty'], false],
    ]);
  });

  it('[F1] ties: same expiry → oldest receipt → lot number → id', () => {
    const lots = [
      makeLot({ id: 'l4', lotNumber: 'B', expiry: '2025-06-01' }),
      makeLot({ id: 'l3', lotNumber: 'A', expiry: '2025-06-01' }),
      makeLot({ id: 'l2', lotNumber: 'Z', expiry: '2025-06-01' }),
      makeLot({ id: 'l1', lotNumber: 'A', expiry: '2025-06-01' }),
      makeLot({ id: 'l0', lotNumber: 'A', expiry: '2025-05-31' }),
    ];
    const firstReceivedAt = { l2: '2025-01-01T10:00:00-05:00', l3: '2025-01-01T16:00:00.000Z' };
    const input = fefoInput({ lots, lotBalances: { l0: 1, l1: 1, l2: 1, l3: 1, l4: 1 }, firstReceivedAt });
    expect(ids(rankFefo(input).candidates)).toEqual(['l0', 'l2', 'l3', 'l1', 'l4']);
    expect(ids(rankFefo({ ...input, lots: [...lots].reverse() }).candidates)).toEqual([
      'l0',
      'l2',
      'l3',
      'l1',
      'l4',
    ]);
  });

  it('[F1] open containers: earliest use-by first, then oldest opened', () => {
    const { candidates } = rankFefo(
      fefoInput({
        lots: [makeLot({ id: 'A', expiry: '2025-03-10' }), makeLot({ id: 'B', expiry: '2026-01-01' })],
        lotBalances: { A: 200_000, B: 200_000 },
        containers: [
          makeContainer({ containerId: 'vB2', lotId: 'B', openedAt: '2025-03-10T12:00:00.000Z' }),
          makeContainer({ containerId: 'vB1', lotId: 'B', openedAt: '2025-03-10T08:00:00-05:00' }),
          makeContainer({ containerId: 'vA', lotId: 'A', openedAt: '2025-03-10T14:00:00.000Z' }),
        ],
      }),
    );
    // vA's lot ends 2025-03-10 23:59:59.999 local (-05:00) = 03-11T04:59Z, before the vB vials' 24 h.
    expect(ids(candidates).slice(0, 3)).toEqual(['vA', 'vB2', 'vB1']);
  });

  it('[F1] ignores other products, other locations and containers never opened or voided', () => {
    const { candidates } = rankFefo(
      fefoInput({
        lots: [makeLot({ id: 'A' }), makeLot({ id: 'other', productId: 'prod-dysport' })],
        lotBalances: { A: 100_000, other: 300_000 },
        containers: [
          makeContainer({ containerId: 'elsewhere', lotId: 'A', locationId: 'loc-harbor' }),
          makeContainer({
            containerId: 'voided',
            lotId: 'A',
            openedAt: null,
            capacityMilli: null,
            remainingMilli: null,
          }),
          makeContainer({ containerId: 'dysport-vial', lotId: 'other' }),
        ],
      }),
    );
    expect(ids(candidates)).toEqual(['A']);
  });

  it('[F2] a product with no beyond-use limit keeps its open container usable', () => {
    const filler = { ...BOTOX, beyondUseHours: null };
    const { suggestion } = rankFefo(
      fefoInput({
        product: filler,
        lots: [makeLot({ id: 'A' })],
        lotBalances: { A: 1_000 },
        containers: [
          makeContainer({
            containerId: 'v',
            lotId: 'A',
            openedAt: '2020-01-01T00:00:00.000Z',
            remainingMilli: 500,
          }),
        ],
      }),
    );
    expect(suggestion).toMatchObject({
      containerId: 'v',
      availableMilli: 500,
      useByMs: Date.parse('2026-01-01T04:59:59.999Z'),
    });
  });

  it('[F3] the demo clinic: expired Xeomin and recalled Restylane are never suggested', () => {
    const today = '2025-03-10';
    const clinic = buildDemoClinic(today);
    const state = reduceLedger(clinic.receipts.map((r) => receiptToEvent(r, clinic.organization.id)));
    const balances = new Map(
      [...state.lots.values()]
        .filter((b) => b.locationId === DEMO_IDS.mainLocation)
        .map((b) => [b.lotId, b.onHandMilli]),
    );
    const rank = (name: string) =>
      rankFefo({
        product: clinic.products.find((p) => p.name.startsWith(name)) ?? BOTOX,
        locationId: DEMO_IDS.mainLocation,
        lots: clinic.lots,
        lotBalances: balances,
        firstReceivedAt: new Map(clinic.receipts.map((r) => [r.lotId, r.receivedAt])),
        containers: [],
        nowMs: Date.parse(`${today}T15:00:00.000Z`),
        utcOffsetMinutes: -300,
      });
    expect(rank('Xeomin').suggestion).toBeNull();
    expect(rank('Xeomin').candidates[0]).toMatchObject({ lotNumber: '283947', blockers: ['expired'] });
    expect(rank('Restylane').suggestion?.lotNumber).toBe('19533-2');
    expect(rank('Botox').suggestion?.lotNumber).toBe('C8123AC4');
    expect(HERE).toBe('loc-main');
  });
});
