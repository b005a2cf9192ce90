import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOfLocalDayUtcMs } from '../dates';
import type { LotStatus } from '../model';
import { BOTOX, fefoInput, makeContainer, makeLot } from './fixtures';
import { rankFefo } from './rank';
import type { FefoInput } from './rank';

const NOW = Date.parse('2025-03-10T15:00:00.000Z');
const HOUR = 3_600_000;
const day = (offsetDays: number) => new Date(NOW + offsetDays * 86_400_000).toISOString().slice(0, 10);

const lot = fc.record({
  expiryDays: fc.integer({ min: -5, max: 5 }),
  status: fc.constantFrom<LotStatus>('available', 'available', 'hold', 'quarantine', 'recalled'),
  onHand: fc.integer({ min: 0, max: 300_000 }),
  lotNumber: fc.constantFrom('A1', 'A2', 'B1'),
  receivedDays: fc.option(fc.integer({ min: -30, max: 0 }), { nil: null }),
});
const container = fc.record({
  lotIndex: fc.nat(7),
  openedHoursAgo: fc.integer({ min: 0, max: 48 }),
  remaining: fc.integer({ min: -1_000, max: 100_000 }),
});

const input = fc
  .record({
    lots: fc.array(lot, { minLength: 1, maxLength: 8 }),
    containers: fc.array(container, { maxLength: 4 }),
    offset: fc.integer({ min: -720, max: 840 }),
    nowJitter: fc.integer({ min: -12 * HOUR, max: 12 * HOUR }),
  })
  .map(({ lots, containers, offset, nowJitter }): FefoInput => {
    const made = lots.map((l, i) =>
      makeLot({ id: `lot${i}`, lotNumber: l.lotNumber, expiry: day(l.expiryDays), status: l.status }),
    );
    const nowMs = NOW + nowJitter;
    return fefoInput({
      lots: made,
      lotBalances: Object.fromEntries(lots.map((l, i) => [`lot${i}`, l.onHand])),
      firstReceivedAt: Object.fromEntries(
        lots.flatMap((l, i) =>
          l.receivedDays === null ? [] : [[`lot${i}`, `${day(l.receivedDays)}T12:00:00.000Z`]],
        ),
      ),
      containers: containers.map((c, i) =>
        makeContainer({
          containerId: `vial${i}`,
          lotId: `lot${c.lotIndex % lots.length}`,
          openedAt: new Date(nowMs - c.openedHoursAgo * HOUR).toISOString(),
          remainingMilli: c.remaining,
        }),
      ),
      nowMs,
      utcOffsetMinutes: offset,
    });
  });

describe('rankFefo properties', () => {
  it('[F3] expired, held, quarantined, recalled or beyond-use stock is never the suggestion', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const s = rankFefo(inp).suggestion;
        if (s === null) return;
        const l = inp.lots.find((x) => x.id === s.lotId);
        expect(l?.status).toBe('available');
        expect(inp.nowMs).toBeLessThanOrEqual(endOfLocalDayUtcMs(l?.expiry ?? '', inp.utcOffsetMinutes));
        expect(s.availableMilli).toBeGreaterThan(0);
        if (s.kind === 'container') {
          const opened = Date.parse(
            inp.containers.find((c) => c.containerId === s.containerId)?.openedAt ?? '',
          );
          expect(inp.nowMs - opened).toBeLessThanOrEqual((BOTOX.beyondUseHours ?? 0) * HOUR);
        }
      }),
    );
  });

  it('[F1] an opened in-BUD usable container always beats unopened lots', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const { candidates, suggestion } = rankFefo(inp);
        const usableVial = candidates.some((c) => c.kind === 'container' && c.blockers.length === 0);
        if (usableVial) expect(suggestion?.kind).toBe('container');
      }),
    );
  });

  it('[F3] usable first, then overridable, then unusable; suggestion = first usable', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const { candidates, suggestion } = rankFefo(inp);
        const groups = candidates.map((c) => (c.blockers.length === 0 ? 0 : c.overridable ? 1 : 2));
        expect(groups).toEqual([...groups].sort());
        expect(suggestion).toBe(candidates.find((c) => c.blockers.length === 0) ?? null);
      }),
    );
  });

  it('[F1] the ranking does not depend on input order (deterministic ties)', () => {
    const withShuffle = input.chain((inp) =>
      fc.tuple(
        fc.constant(inp),
        fc.shuffledSubarray([...inp.lots], { minLength: inp.lots.length, maxLength: inp.lots.length }),
        fc.shuffledSubarray([...inp.containers], {
          minLength: inp.containers.length,
          maxLength: inp.containers.length,
        }),
      ),
    );
    fc.assert(
      fc.property(withShuffle, ([inp, lots, containers]) => {
        expect(rankFefo({ ...inp, lots, containers })).toEqual(rankFefo(inp));
      }),
    );
  });
});

describe('[D1] expiry boundary properties', () => {
  it('[D1][F2] for any offset, a lot is the suggestion at 23:59:59.999 local on its expiry day and blocked at 00:00', () => {
    fc.assert(
      fc.property(fc.integer({ min: -720, max: 840 }), fc.integer({ min: 0, max: 3650 }), (offset, d) => {
        const expiry = new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
        const nextLocalMidnight = Date.parse(`${expiry}T00:00:00.000Z`) + 86_400_000 - offset * 60_000;
        const inp = fefoInput({
          lots: [makeLot({ id: 'L', expiry })],
          lotBalances: { L: 1 },
          utcOffsetMinutes: offset,
        });
        expect(rankFefo({ ...inp, nowMs: nextLocalMidnight - 1 }).suggestion?.lotId).toBe('L');
        expect(rankFefo({ ...inp, nowMs: nextLocalMidnight }).candidates[0]?.blockers).toEqual(['expired']);
      }),
    );
  });
});
