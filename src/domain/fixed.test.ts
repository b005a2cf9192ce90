import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertSafeInteger,
  formatDecimal,
  parseDecimal,
  sumSafeIntegers,
  type ParseErrorCode,
} from './fixed';

function errorCode(text: string, scale: number): ParseErrorCode | undefined {
  const r = parseDecimal(text, scale);
  return r.ok ? undefined : r.error.code;
}

describe('parseDecimal', () => {
  it.each([
    ['40', 3, 40_000],
    ['0.4', 3, 400],
    ['-1.25', 2, -125],
    ['6.5', 2, 650],
    ['6.50', 6, 6_500_000],
    ['.5', 2, 50],
    ['5.', 2, 500],
    [' 7 ', 0, 7],
    ['-0', 2, 0],
    ['007.10', 2, 710],
    ['9007199254740.991', 3, Number.MAX_SAFE_INTEGER],
  ])('[Q1] parses %j at scale %i to %i', (text, scale, value) => {
    expect(parseDecimal(text, scale)).toEqual({ ok: true, value });
  });

  it('[Q1] never returns negative zero', () => {
    const r = parseDecimal('-0.000', 3);
    expect(r.ok && Object.is(r.value, 0)).toBe(true);
  });

  it.each<[string, ParseErrorCode]>([
    ['', 'empty'],
    [' ', 'empty'],
    ['1e3', 'invalid'],
    ['NaN', 'invalid'],
    ['Infinity', 'invalid'],
    ['1.2.3', 'invalid'],
    ['-', 'invalid'],
    ['.', 'invalid'],
    ['+1', 'invalid'],
    ['1 000', 'invalid'],
    ['0x10', 'invalid'],
    ['--1', 'invalid'],
    ['１２', 'invalid'],
    ['1,234.50', 'thousands-separator'],
    ['1,5', 'thousands-separator'],
    ['0.125', 'too-many-decimals'],
    ['90071992547409.92', 'out-of-range'],
  ])('[Q1] rejects %j as %s with a message', (text, code) => {
    const r = parseDecimal(text, 2);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message.length).toBeGreaterThan(0);
    }
  });

  it('[M1] rounds excess digits only with an explicit mode', () => {
    expect(errorCode('0.125', 2)).toBe('too-many-decimals');
    expect(parseDecimal('0.125', 2, 'half-even')).toEqual({ ok: true, value: 12 });
    expect(parseDecimal('0.125', 2, 'half-up')).toEqual({ ok: true, value: 13 });
    expect(parseDecimal('-0.125', 2, 'half-up')).toEqual({ ok: true, value: -13 });
    expect(parseDecimal('-0.125', 2, 'floor')).toEqual({ ok: true, value: -13 });
    expect(parseDecimal('0.129', 2, 'trunc')).toEqual({ ok: true, value: 12 });
    expect(parseDecimal('0.121', 2, 'ceil')).toEqual({ ok: true, value: 13 });
  });

  it('[Q1] throws on a bad scale (a programming error, not user input)', () => {
    expect(() => parseDecimal('1', -1)).toThrow(RangeError);
    expect(() => parseDecimal('1', 16)).toThrow(RangeError);
    expect(() => parseDecimal('1', 1.5)).toThrow(RangeError);
  });
});

describe('formatDecimal', () => {
  it('[Q2] pads to the scale by default and trims with minFractionDigits', () => {
    expect(formatDecimal(40_000, 3)).toBe('40.000');
    expect(formatDecimal(40_000, 3, { minFractionDigits: 0 })).toBe('40');
    expect(formatDecimal(2_500, 3, { minFractionDigits: 0 })).toBe('2.5');
    expect(formatDecimal(2_500, 3, { minFractionDigits: 2 })).toBe('2.50');
    expect(formatDecimal(5, 3, { minFractionDigits: 0 })).toBe('0.005');
    expect(formatDecimal(-150, 2)).toBe('-1.50');
    expect(formatDecimal(-5, 2)).toBe('-0.05');
    expect(formatDecimal(0, 2)).toBe('0.00');
    expect(formatDecimal(123, 0)).toBe('123');
  });

  it('[Q2] throws RangeError on non-safe integers and bad options', () => {
    expect(() => formatDecimal(1.5, 2)).toThrow(RangeError);
    expect(() => formatDecimal(2 ** 53, 2)).toThrow(RangeError);
    expect(() => formatDecimal(Number.NaN, 2)).toThrow(RangeError);
    expect(() => formatDecimal(1, 2, { minFractionDigits: 3 })).toThrow(RangeError);
  });

  it('[Q2] parse(format(x)) = x for every safe integer, scale and trim', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 15 }), (x, scale) => {
        for (const minFractionDigits of [0, scale]) {
          expect(parseDecimal(formatDecimal(x, scale, { minFractionDigits }), scale)).toEqual({
            ok: true,
            value: x,
          });
        }
      }),
    );
  });
});

describe('safe integers', () => {
  it('[Q3] assertSafeInteger passes safe integers and throws otherwise', () => {
    expect(assertSafeInteger(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => assertSafeInteger(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => assertSafeInteger(0.1)).toThrow(RangeError);
    expect(() => assertSafeInteger(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('[Q3] sumSafeIntegers throws on overflow, even when a later value would bring it back', () => {
    expect(sumSafeIntegers([1, 2, 3])).toBe(6);
    expect(sumSafeIntegers([])).toBe(0);
    expect(() => sumSafeIntegers([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumSafeIntegers([Number.MAX_SAFE_INTEGER, 2, -2])).toThrow(RangeError);
    expect(() => sumSafeIntegers([Number.MIN_SAFE_INTEGER, -1])).toThrow(RangeError);
    expect(sumSafeIntegers([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER])).toBe(0);
  });
});
