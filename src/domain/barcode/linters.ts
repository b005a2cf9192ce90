/**
 * Content checks named in the GS1 Barcode Syntax Dictionary ("csum", "yymmd0", …), applied to
 * one component of an AI value. Each returns undefined when fine, otherwise an error.
 */
import { hasValidCheckDigit } from './gtin';
import { calendarDate, fullYear } from './dates';
import type { BarcodeError } from './result';

/** currentYear places two-digit years (GenSpecs §7.12) so 29 February is checked in the right year. */
type Linter = (value: string, currentYear: number) => BarcodeError | undefined;

/** GS1 CSET 82 in the order of GenSpecs Figure 7.11-1 (the index is the value used by csumalpha). */
export const CSET82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83];

const invalid = (message: string): BarcodeError => ({ code: 'INVALID_VALUE', message });
const badDate = (message: string): BarcodeError => ({ code: 'INVALID_DATE', message });
const two = (v: string, i: number): number => Number(v.slice(i, i + 2));

/**
 * GS1 check character pair (GenSpecs §7.9.5): weights are primes from the right, sum mod 1021,
 * two CSET 32 characters (sum div 32, sum mod 32).
 * Example: GMN "1987654Ad4X4bL5ttr2310c" + "2K" (GenSpecs example).
 */
function checkPair(value: string): BarcodeError | undefined {
  if (value.length < 2) return invalid('too short for a check character pair');
  const body = value.slice(0, -2);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    sum += CSET82.indexOf(body.charAt(i)) * (PRIMES[body.length - 1 - i] ?? 0);
  }
  sum %= 1021;
  const expected = `${CSET32.charAt(Math.floor(sum / 32))}${CSET32.charAt(sum % 32)}`;
  return value.slice(-2) === expected
    ? undefined
    : { code: 'CHECK_DIGIT', message: `check pair should be ${expected}` };
}

function dateLinter(yearDigits: 2 | 4, allowDayZero: boolean): Linter {
  return (v, currentYear) => {
    const year = yearDigits === 4 ? Number(v.slice(0, 4)) : fullYear(two(v, 0), currentYear);
    const r = calendarDate(year, two(v, yearDigits), two(v, yearDigits + 2), allowDayZero);
    return r.ok ? undefined : badDate(r.message);
  };
}

const LINTERS: Readonly<Record<string, Linter>> = {
  csum: (v) => (hasValidCheckDigit(v) ? undefined : { code: 'CHECK_DIGIT', message: 'check digit is wrong' }),
  csumalpha: checkPair,
  yymmd0: dateLinter(2, true),
  yymmdd: dateLinter(2, false),
  yyyymmd0: dateLinter(4, true),
  yyyymmdd: dateLinter(4, false),
  hhmi: (v) => (two(v, 0) <= 23 && two(v, 2) <= 59 ? undefined : badDate(`"${v}" is not HHMI`)),
  hh: (v) => (two(v, 0) <= 23 ? undefined : badDate(`hour ${v} is not 00-23`)),
  mi: (v) => (two(v, 0) <= 59 ? undefined : badDate(`minute ${v} is not 00-59`)),
  ss: (v) => (two(v, 0) <= 59 ? undefined : badDate(`second ${v} is not 00-59`)),
  nonzero: (v) => (/^0+$/.test(v) ? invalid('must not be zero') : undefined),
  zero: (v) => (v === '0' ? undefined : invalid('must be 0')),
  yesno: (v) => (v === '0' || v === '1' ? undefined : invalid('must be 0 or 1')),
  winding: (v) => (v === '0' || v === '1' || v === '9' ? undefined : invalid('winding must be 0, 1 or 9')),
  iso5218: (v) => (/^[0129]$/.test(v) ? undefined : invalid('sex code must be 0, 1, 2 or 9')),
  hyphen: (v) => (v === '-' ? undefined : invalid('must be "-"')),
  hasnondigit: (v) => (/\D/.test(v) ? undefined : invalid('must contain a non-digit')),
  nozeroprefix: (v) => (v.length > 1 && v.startsWith('0') ? invalid('must not start with 0') : undefined),
  pieceoftotal: (v) =>
    two(v, 0) === 0 || two(v, 2) === 0 || two(v, 0) > two(v, 2)
      ? invalid(`piece ${v} is not 1..total`)
      : undefined,
  latitude: (v) => (Number(v) <= 1_800_000_000 ? undefined : invalid('latitude out of range')),
  longitude: (v) => (Number(v) <= 3_600_000_000 ? undefined : invalid('longitude out of range')),
  pcenc: (v) => (/%(?![0-9A-Fa-f]{2})/.test(v) ? invalid('bad percent-encoding') : undefined),
  importeridx: (v) => (/^[-0-9A-Z_a-z]$/.test(v) ? undefined : invalid('bad importer index')),
  posinseqslash: (v) => {
    const m = /^([1-9])\/([1-9])$/.exec(v);
    return m && Number(m[1]) <= Number(m[2]) ? undefined : invalid('must be "n/m" with n <= m');
  },
};

/** Runs a linter by dictionary name; names in SKIPPED_LINTERS (ai-types.ts) always pass. */
export function runLinter(name: string, value: string, currentYear: number): BarcodeError | undefined {
  return LINTERS[name]?.(value, currentYear);
}
