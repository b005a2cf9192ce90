import { describe, expect, it } from 'vitest';
import type { ParseErrorCode } from './fixed';
import type { BaseUnit } from './model';
import { formatQuantity, parseQuantity, sumQuantities } from './quantity';

function code(text: string, unit: BaseUnit, allowNegative = false): ParseErrorCode | null {
  const r = parseQuantity(text, unit, { allowNegative });
  return r.ok ? null : r.error.code;
}

describe('quantity', () => {
  it.each<[string, BaseUnit, number]>([
    ['40', 'U', 40_000],
    ['0.4', 'mL', 400],
    ['2.5', 'U', 2_500],
    ['1', 'each', 1_000],
    ['0.5', 'each', 500],
    ['0.001', 'mL', 1],
    ['40 U', 'U', 40_000],
    ['40u', 'U', 40_000],
    ['0.4 ml', 'mL', 400],
    [' 1 each ', 'each', 1_000],
    ['0', 'U', 0],
  ])('[Q1] parses %j %s to %i milli', (text, unit, milli) => {
    expect(parseQuantity(text, unit)).toEqual({ ok: true, value: milli });
  });

  it('[Q1] rejects more than 3 decimals instead of rounding a dose', () => {
    expect(code('0.0125', 'mL')).toBe('too-many-decimals');
    expect(code('0.5000', 'each')).toBe('too-many-decimals');
  });

  it('[Q1] rejects garbage, other units, and negatives unless allowed', () => {
    expect(code('', 'U')).toBe('empty');
    expect(code('U', 'U')).toBe('empty');
    expect(code('1e3', 'U')).toBe('invalid');
    expect(code('forty', 'U')).toBe('invalid');
    expect(code('1,000', 'U')).toBe('thousands-separator');
    expect(code('40 mL', 'U')).toBe('unit-mismatch');
    expect(code('1 U', 'each')).toBe('unit-mismatch');
    expect(code('-5', 'U')).toBe('negative');
    expect(parseQuantity('-5', 'U', { allowNegative: true })).toEqual({ ok: true, value: -5_000 });
  });

  it('[Q2] formats with the unit and without trailing zeros', () => {
    expect(formatQuantity(40_000, 'U')).toBe('40 U');
    expect(formatQuantity(400, 'mL')).toBe('0.4 mL');
    expect(formatQuantity(2_500, 'U')).toBe('2.5 U');
    expect(formatQuantity(1_000, 'each')).toBe('1 each');
    expect(formatQuantity(1, 'mL')).toBe('0.001 mL');
    expect(formatQuantity(-1_250, 'U')).toBe('-1.25 U');
    expect(formatQuantity(1_000_000_000, 'mL')).toBe('1000000 mL');
    expect(() => formatQuantity(0.5, 'U')).toThrow(RangeError);
  });

  it('[Q3] sums exactly and throws on overflow', () => {
    expect(sumQuantities([40_000, 35_000, 25_000])).toBe(100_000);
    expect(() => sumQuantities([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumQuantities([0.1])).toThrow(RangeError);
  });
});
