import { describe, expect, it } from 'vitest';
import { checkDeviation, FEFO_DEVIATION_REASONS, isFefoDeviation } from './deviation';
import { fefoInput, makeContainer, makeLot } from './fixtures';
import { rankFefo } from './rank';
import type { Candidate } from './rank';

const ranking = rankFefo(
  fefoInput({
    lots: [
      makeLot({ id: 'A', expiry: '2025-03-30' }),
      makeLot({ id: 'A2', expiry: '2025-03-30' }),
      makeLot({ id: 'B', expiry: '2025-11-05' }),
      makeLot({ id: 'H', expiry: '2025-03-30', status: 'hold' }),
    ],
    lotBalances: { A: 100_000, A2: 100_000, B: 100_000, H: 100_000 },
  }),
);
const pick = (lotId: string): Candidate => {
  const c = ranking.candidates.find((x) => x.lotId === lotId);
  if (!c) throw new Error(lotId);
  return c;
};

describe('isFefoDeviation', () => {
  it('[F5] the suggestion itself, or an unblocked lot of the same expiry, is not a deviation', () => {
    expect(ranking.suggestion?.lotId).toBe('A');
    expect(isFefoDeviation(ranking.suggestion, pick('A'))).toBe(false);
    expect(isFefoDeviation(ranking.suggestion, pick('A2'))).toBe(false);
  });

  it('[F5] a later-expiring or blocked pick is a deviation', () => {
    expect(isFefoDeviation(ranking.suggestion, pick('B'))).toBe(true);
    expect(isFefoDeviation(ranking.suggestion, pick('H'))).toBe(true);
  });

  it('[F5] opening a new vial while an open one is usable is a deviation', () => {
    const withVial = rankFefo(
      fefoInput({
        lots: [makeLot({ id: 'A' })],
        lotBalances: { A: 200_000 },
        containers: [makeContainer({ containerId: 'v', lotId: 'A' })],
      }),
    );
    const lot = withVial.candidates.find((c) => c.kind === 'lot');
    expect(lot && isFefoDeviation(withVial.suggestion, lot)).toBe(true);
  });

  it('[F5] with nothing usable, using a blocked lot is an override, not a deviation', () => {
    expect(isFefoDeviation(null, pick('H'))).toBe(false);
  });

  it('[F5] deviation reasons are a fixed list ending in other', () => {
    expect(FEFO_DEVIATION_REASONS).toEqual([
      'patient_preference',
      'product_damaged',
      'lot_not_found',
      'other',
    ]);
  });
});

describe('[F5] a non-FEFO reason', () => {
  it('is one of the list, and "Other" needs the injector’s words', () => {
    expect(checkDeviation('', null)).toBe('Choose a reason.');
    expect(checkDeviation('because', null)).toBe('Choose a reason from the list.');
    expect(checkDeviation('product_damaged', null)).toBeNull();
    expect(checkDeviation('other', '  ')).toBe('Say why in a few words.');
    expect(checkDeviation('other', 'x'.repeat(201))).toBe('Keep it under 200 characters.');
    expect(checkDeviation('other', 'fridge door stuck')).toBeNull();
  });
});
