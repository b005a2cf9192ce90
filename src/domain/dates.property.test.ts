import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates, daysBetween, endOfLocalDayUtcMs, isIsoDate, todayIso } from './dates';

/** Dates from 1700 to 2300, generated as day offsets from 2000-01-01. */
const isoDate = fc.integer({ min: -109_572, max: 109_572 }).map((n) => addDays('2000-01-01', n));
const shift = fc.integer({ min: -36_500, max: 36_500 });
const offset = fc.integer({ min: -720, max: 840 });

describe('date properties', () => {
  it('[D2] addDays(d, n) then addDays(-n) returns d, and always yields a valid date', () => {
    fc.assert(
      fc.property(isoDate, shift, (d, n) => {
        const moved = addDays(d, n);
        expect(isIsoDate(moved)).toBe(true);
        expect(addDays(moved, -n)).toBe(d);
      }),
    );
  });

  it('[D2] daysBetween(d, addDays(d, n)) = n and agrees with compareIsoDates', () => {
    fc.assert(
      fc.property(isoDate, shift, (d, n) => {
        const moved = addDays(d, n);
        expect(daysBetween(d, moved)).toBe(n);
        expect(compareIsoDates(moved, d)).toBe(n > 0 ? 1 : n < 0 ? -1 : 0);
      }),
    );
  });

  it('[D1] endOfLocalDayUtcMs is the last instant whose local date is d', () => {
    fc.assert(
      fc.property(isoDate, offset, (d, minutes) => {
        const end = endOfLocalDayUtcMs(d, minutes);
        expect(todayIso(end, minutes)).toBe(d);
        expect(todayIso(end + 1, minutes)).toBe(addDays(d, 1));
        expect(end + 1 - endOfLocalDayUtcMs(addDays(d, -1), minutes)).toBe(86_400_001);
      }),
    );
  });
});
