import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BaseUnit } from './model';
import { formatQuantity, parseQuantity, sumQuantities } from './quantity';

const units = fc.constantFrom<BaseUnit>('U', 'mL', 'each');

describe('quantity properties', () => {
  it('[Q2] parseQuantity(formatQuantity(q)) = q for every safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), units, (q, unit) => {
        expect(parseQuantity(formatQuantity(q, unit), unit, { allowNegative: true })).toEqual({
          ok: true,
          value: q,
        });
      }),
    );
  });

  it('[Q2] formatQuantity(parseQuantity(text)) keeps the typed value for up to 3 decimals', () => {
    const text = fc
      .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 999 }))
      .map(([whole, frac]) => `${whole}.${String(frac).padStart(3, '0')}`);
    fc.assert(
      fc.property(text, units, (t, unit) => {
        const parsed = parseQuantity(t, unit);
        if (!parsed.ok) throw new Error(parsed.error.message);
        expect(Number(formatQuantity(parsed.value, unit).split(' ')[0])).toBe(Number(t));
      }),
    );
  });

  it('[Q3] 10,000 draws of 0.1 mL sum to exactly 1000 mL (floats drift)', () => {
    const draw = parseQuantity('0.1', 'mL');
    if (!draw.ok) throw new Error(draw.error.message);
    const draws = Array.from({ length: 10_000 }, () => draw.value);
    expect(formatQuantity(sumQuantities(draws), 'mL')).toBe('1000 mL');

    // Why quantities are integers: the same sum in floating point drifts away from 1000.
    let floatTotal = 0;
    for (let i = 0; i < 10_000; i++) floatTotal += 0.1;
    expect(floatTotal).not.toBe(1000);
    expect(Math.abs(floatTotal - 1000)).toBeGreaterThan(1e-10);
  });

  it('[Q3] sums equal the BigInt sum of any quantities that stay in range', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }), { maxLength: 200 }), (qs) => {
        expect(sumQuantities(qs)).toBe(Number(qs.reduce((a, q) => a + BigInt(q), 0n)));
      }),
    );
  });
});
