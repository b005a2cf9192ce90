import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatUnitCost,
  lineCostCents,
  parseMoney,
  parseUnitCost,
  sumCents,
  unitCostMicrosFromPack,
} from './money';

describe('money', () => {
  it('[M1] parses dollars to cents and unit costs to micros', () => {
    expect(parseMoney('6.50')).toEqual({ ok: true, value: 650 });
    expect(parseMoney('260')).toEqual({ ok: true, value: 26_000 });
    expect(parseMoney('-1.5')).toEqual({ ok: true, value: -150 });
    expect(parseUnitCost('6.50')).toEqual({ ok: true, value: 6_500_000 });
    expect(parseUnitCost('1.966667')).toEqual({ ok: true, value: 1_966_667 });
  });

  it('[M1] rejects sub-cent amounts unless a rounding mode is explicit', () => {
    const r = parseMoney('6.505');
    expect(r.ok ? null : r.error.code).toBe('too-many-decimals');
    expect(parseMoney('6.505', 'half-even')).toEqual({ ok: true, value: 650 });
    expect(parseMoney('6.515', 'half-even')).toEqual({ ok: true, value: 652 });
    const u = parseUnitCost('1.9666667');
    expect(u.ok ? null : u.error.code).toBe('too-many-decimals');
    const d = parseMoney('$6.50');
    expect(d.ok ? null : d.error.code).toBe('invalid');
  });

  it('[M2] line cost of the worked examples: 40, 35 and 25 U at $6.50/U', () => {
    const unitCost = 6_500_000;
    expect(lineCostCents(40_000, unitCost)).toBe(26_000);
    expect(formatMoney(lineCostCents(40_000, unitCost))).toBe('$260.00');
    expect(lineCostCents(35_000, unitCost)).toBe(22_750);
    expect(formatMoney(lineCostCents(35_000, unitCost))).toBe('$227.50');
    expect(lineCostCents(25_000, unitCost)).toBe(16_250);
    expect(formatMoney(lineCostCents(25_000, unitCost))).toBe('$162.50');
  });

  it('[M2] rounds each line half-even to the cent, symmetrically for negatives', () => {
    expect(lineCostCents(1, 5_000_000)).toBe(0); // 0.5 ¢ → 0 (even)
    expect(lineCostCents(3, 5_000_000)).toBe(2); // 1.5 ¢ → 2 (even)
    expect(lineCostCents(5, 5_000_000)).toBe(2); // 2.5 ¢ → 2 (even)
    expect(lineCostCents(-3, 5_000_000)).toBe(-2);
    expect(lineCostCents(1, 5_000_001)).toBe(1); // just above half
    expect(lineCostCents(13_000, 1_966_667)).toBe(2_557); // 13 U × $1.966667 = $25.566671
  });

  it('[M2] stays exact when quantity × cost exceeds 2^53', () => {
    // 1,000,000 U at $9,999.999999/U: the product 9.999999999e18 n$ is far beyond 2^53.
    expect(lineCostCents(1_000_000_000, 9_999_999_999)).toBe(999_999_999_900);
    expect(() => lineCostCents(0.5, 1)).toThrow(RangeError);
  });

  it('[M3] unit cost from a pack: $590 for 300 U = $1.966667/U', () => {
    expect(unitCostMicrosFromPack(59_000, 300_000)).toBe(1_966_667);
    expect(unitCostMicrosFromPack(26_000, 40_000)).toBe(6_500_000);
    expect(unitCostMicrosFromPack(100, 3_000)).toBe(333_333);
    expect(unitCostMicrosFromPack(1, 20_000_000)).toBe(0); // 1 ¢ for 20,000 U = 0.5 µ$ → 0 (even)
    expect(unitCostMicrosFromPack(3, 20_000_000)).toBe(2); // 1.5 µ$ → 2 (even)
    expect(() => unitCostMicrosFromPack(59_000, 0)).toThrow(RangeError);
    expect(() => unitCostMicrosFromPack(59_000, -1)).toThrow(RangeError);
  });

  it('[M4] formats cents as currency with two decimals', () => {
    expect(formatMoney(26_000)).toBe('$260.00');
    expect(formatMoney(-150)).toBe('-$1.50');
    expect(formatMoney(0)).toBe('$0.00');
    expect(formatMoney(5)).toBe('$0.05');
    expect(formatMoney(123_450)).toBe('$1,234.50');
    expect(formatMoney(Number.MAX_SAFE_INTEGER)).toBe('$90,071,992,547,409.91');
    expect(formatMoney(-150, 'EUR')).toBe('-€1.50');
    expect(() => formatMoney(1.5)).toThrow(RangeError);
  });

  it('[M4] formats unit costs with 2 to 6 decimals', () => {
    expect(formatUnitCost(6_500_000)).toBe('$6.50');
    expect(formatUnitCost(1_966_667)).toBe('$1.966667');
    expect(formatUnitCost(1_234_500)).toBe('$1.2345');
    expect(formatUnitCost(1)).toBe('$0.000001');
    expect(formatUnitCost(-6_000_000)).toBe('-$6.00');
  });

  it('[M2] sumCents is exact and throws on overflow', () => {
    expect(sumCents([26_000, 22_750, 16_250])).toBe(65_000);
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumCents([1.5])).toThrow(RangeError);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 })), (xs) => {
        expect(sumCents(xs)).toBe(Number(xs.reduce((a, x) => a + BigInt(x), 0n)));
      }),
    );
  });
});
