/**
 * Fixed-point decimals over integers: a value with `scale` s is stored as an integer count of
 * 10^-s ("minor units"). Cents are scale 2, quantityMilli scale 3, unit-cost micros scale 6.
 *
 * Parsing never throws on user input; it returns a `ParseResult`. Formatting and arithmetic
 * throw RangeError on non-safe integers, because those can only come from a bug.
 *
 * Accepted input grammar (after trimming surrounding whitespace):
 *   optional "-", then digits with at most one ".", at least one digit overall:
 *   "40", "0.4", "-1.25", ".5", "5." are accepted.
 * Rejected: "" / spaces (`empty`); "1e3", "NaN", "Infinity", "+1", "1.2.3", "1 000", "0x10"
 * (`invalid`); "1,234.50" (`thousands-separator`: a comma is ambiguous — "1,5" is 1.5 in much of
 * the world — so we refuse rather than guess); more fraction digits than the scale
 * (`too-many-decimals`, unless a rounding mode is passed); beyond ±2^53-1 minor units
 * (`out-of-range`).
 */
import { bigIntToSafeNumber, divRoundBigInt, type RoundingMode } from './rounding';

export type ParseErrorCode =
  | 'empty'
  | 'invalid'
  | 'thousands-separator'
  | 'too-many-decimals'
  | 'out-of-range'
  | 'negative'
  | 'unit-mismatch';

export interface ParseError {
  code: ParseErrorCode;
  message: string;
}

export type ParseResult<T = number> = { ok: true; value: T } | { ok: false; error: ParseError };

/** What to do with more fraction digits than the scale holds: refuse, or round explicitly. */
export type ExcessDigits = 'reject' | RoundingMode;

export const MAX_SCALE = 15;

export function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

export function fail<T = number>(code: ParseErrorCode, message: string): ParseResult<T> {
  return { ok: false, error: { code, message } };
}

/** Throws RangeError unless `value` is a safe integer (cf. Actual Budget's safeNumber). */
export function assertSafeInteger(value: number, label = 'value'): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${label} is not a safe integer: ${value}`);
  return value;
}

function assertScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE) {
    throw new RangeError(`scale must be an integer 0..${MAX_SCALE}: ${scale}`);
  }
}

const DECIMAL = /^(-)?(\d*)(?:\.(\d*))?$/;

/**
 * Parses decimal text into minor units of `scale`.
 *
 * Worked examples: parseDecimal("6.5", 2) → 650; parseDecimal("-1.25", 3) → -1250;
 * parseDecimal("0.125", 2) → too-many-decimals; parseDecimal("0.125", 2, 'half-even') → 12;
 * parseDecimal("0.125", 2, 'half-up') → 13; parseDecimal("1,234.50", 2) → thousands-separator.
 */
export function parseDecimal(text: string, scale: number, rounding: ExcessDigits = 'reject'): ParseResult {
  assertScale(scale);
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty', 'Enter a number.');
  if (trimmed.includes(',')) {
    return fail('thousands-separator', `Use digits and a "." only, without commas: "${trimmed}".`);
  }
  const m = DECIMAL.exec(trimmed);
  const intDigits = m?.[2] ?? '';
  const fracDigits = m?.[3] ?? '';
  if (!m || intDigits.length + fracDigits.length === 0) {
    return fail('invalid', `"${trimmed}" is not a number.`);
  }
  const negative = m[1] === '-';
  let minor = BigInt(intDigits + fracDigits);
  if (fracDigits.length > scale) {
    if (rounding === 'reject') {
      return fail(
        'too-many-decimals',
        `At most ${scale} decimal place${scale === 1 ? '' : 's'}: "${trimmed}".`,
      );
    }
    const signed = negative ? -minor : minor;
    minor = divRoundBigInt(signed, 10n ** BigInt(fracDigits.length - scale), rounding);
  } else {
    minor = (negative ? -minor : minor) * 10n ** BigInt(scale - fracDigits.length);
  }
  try {
    return ok(bigIntToSafeNumber(minor));
  } catch {
    return fail('out-of-range', `"${trimmed}" is too large.`);
  }
}

export interface FormatDecimalOptions {
  /** Fraction digits always shown; beyond them trailing zeros are trimmed. Default: `scale`. */
  minFractionDigits?: number;
}

/**
 * Formats minor units as plain decimal text, no grouping, "." as decimal point.
 *
 * Worked examples: formatDecimal(40_000, 3) → "40.000"; with { minFractionDigits: 0 } → "40";
 * formatDecimal(2_500, 3, { minFractionDigits: 0 }) → "2.5"; formatDecimal(-150, 2) → "-1.50".
 * parseDecimal(formatDecimal(x, s, any), s) always returns x.
 */
export function formatDecimal(minor: number, scale: number, opts: FormatDecimalOptions = {}): string {
  assertSafeInteger(minor, 'minor');
  assertScale(scale);
  const minFraction = opts.minFractionDigits ?? scale;
  if (!Number.isInteger(minFraction) || minFraction < 0 || minFraction > scale) {
    throw new RangeError(`minFractionDigits must be an integer 0..${scale}: ${minFraction}`);
  }
  const digits = String(Math.abs(minor)).padStart(scale + 1, '0');
  const intPart = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale);
  let end = fraction.length;
  while (end > minFraction && fraction[end - 1] === '0') end--;
  fraction = fraction.slice(0, end);
  const sign = minor < 0 ? '-' : '';
  return fraction === '' ? `${sign}${intPart}` : `${sign}${intPart}.${fraction}`;
}

/**
 * Exact sum of safe integers; throws RangeError if any input or partial sum leaves the safe range.
 * Checking each partial sum is enough: a float sum of two safe integers is exact whenever the true
 * sum is safe, and rounds to an unsafe value whenever it is not.
 */
export function sumSafeIntegers(values: Iterable<number>, label = 'sum'): number {
  let total = 0;
  for (const value of values) {
    assertSafeInteger(value, label);
    total += value;
    if (!Number.isSafeInteger(total)) throw new RangeError(`${label} overflowed the safe integer range`);
  }
  return total;
}
