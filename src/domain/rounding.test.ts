import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRound, divRoundBigInt, type RoundingMode } from './rounding';

const cases: [bigint, bigint, Record<RoundingMode, bigint>][] = [
  [7n, 2n, { 'half-even': 4n, 'half-up': 4n, floor: 3n, ceil: 4n, trunc: 3n }],
  [5n, 2n, { 'half-even': 2n, 'half-up': 3n, floor: 2n, ceil: 3n, trunc: 2n }],
  [-5n, 2n, { 'half-even': -2n, 'half-up': -3n, floor: -3n, ceil: -2n, trunc: -2n }],
  [5n, -2n, { 'half-even': -2n, 'half-up': -3n, floor: -3n, ceil: -2n, trunc: -2n }],
  [-7n, -2n, { 'half-even': 4n, 'half-up': 4n, floor: 3n, ceil: 4n, trunc: 3n }],
  [10n, 3n, { 'half-even': 3n, 'half-up': 3n, floor: 3n, ceil: 4n, trunc: 3n }],
  [-11n, 3n, { 'half-even': -4n, 'half-up': -4n, floor: -4n, ceil: -3n, trunc: -3n }],
  [6n, 3n, { 'half-even': 2n, 'half-up': 2n, floor: 2n, ceil: 2n, trunc: 2n }],
];

describe('divRound', () => {
  for (const [n, d, expected] of cases) {
    for (const [mode, q] of Object.entries(expected) as [RoundingMode, bigint][]) {
      it(`[M2] ${n} / ${d} ${mode} = ${q}`, () => {
        expect(divRoundBigInt(n, d, mode)).toBe(q);
        expect(divRound(Number(n), Number(d), mode)).toBe(Number(q));
      });
    }
  }

  it('[M2] divides products beyond 2^53 exactly', () => {
    // 10^9 milli-U × 10^10 µ$ = 10^19 n$: a float product would already be rounded.
    expect(divRound(10n ** 19n + 5_000_000n, 10_000_000n, 'half-even')).toBe(1_000_000_000_000);
    expect(divRound(10n ** 19n + 15_000_000n, 10_000_000n, 'half-even')).toBe(1_000_000_000_002);
  });

  it('[M2] throws RangeError on zero, unsafe inputs and unsafe results', () => {
    expect(() => divRound(1, 0, 'trunc')).toThrow(RangeError);
    expect(() => divRound(0.5, 1, 'trunc')).toThrow(RangeError);
    expect(() => divRound(2 ** 53, 1, 'trunc')).toThrow(RangeError);
    expect(() => divRound(1, Number.NaN, 'trunc')).toThrow(RangeError);
    expect(() => divRound(2n ** 60n, 1n, 'trunc')).toThrow(RangeError);
  });

  it('[M2] every mode lands on a neighbour of the exact quotient, half modes on the nearest', () => {
    const modes = fc.constantFrom<RoundingMode>('half-even', 'half-up', 'floor', 'ceil', 'trunc');
    const nonZero = fc.bigInt(-(10n ** 12n), 10n ** 12n).filter((d) => d !== 0n);
    fc.assert(
      fc.property(fc.bigInt(-(10n ** 20n), 10n ** 20n), nonZero, modes, (n, d, mode) => {
        const q = divRoundBigInt(n, d, mode);
        const error = n - q * d; // (exact - q) × d
        const absD = d < 0n ? -d : d;
        const absErr = error < 0n ? -error : error;
        const direction = error * d; // sign of (exact quotient - q)
        expect(absErr < absD).toBe(true); // q is one of the two neighbours
        if (mode === 'floor') expect(direction >= 0n).toBe(true);
        if (mode === 'ceil') expect(direction <= 0n).toBe(true);
        if (mode === 'trunc') expect(q === 0n || (q > 0n ? direction >= 0n : direction <= 0n)).toBe(true);
        if (mode === 'half-even' || mode === 'half-up') expect(2n * absErr <= absD).toBe(true);
        if (mode === 'half-even' && 2n * absErr === absD) expect(q % 2n).toBe(0n);
      }),
    );
  });
});
