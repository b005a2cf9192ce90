import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIsoDates,
  daysBetween,
  daysInMonth,
  endOfLocalDayUtcMs,
  isIsoDate,
  isIsoDateTime,
  localDateTime,
  localTime,
  todayIso,
} from './dates';

describe('dates', () => {
  it('[D2] knows month lengths, including century leap rules and years before 100', () => {
    expect(daysInMonth(2016, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(4, 2)).toBe(29); // Date.UTC would treat year 4 as 1904 — same answer here…
    expect(daysInMonth(0, 2)).toBe(29); // …but year 0 as 1900 (28): the arithmetic gets 29
    expect(daysInMonth(2025, 12)).toBe(31);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
  });

  it('[D2] adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2025-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('[D2] counts whole days between dates and compares them', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
    expect(daysBetween('2025-03-08', '2025-03-10')).toBe(2); // spans a US DST change
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(compareIsoDates('2025-01-02', '2025-01-10')).toBe(-1);
    expect(compareIsoDates('2025-01-10', '2025-01-10')).toBe(0);
    expect(compareIsoDates('2026-01-01', '2025-12-31')).toBe(1);
    expect(() => compareIsoDates('2025-1-1', '2025-01-01')).toThrow(RangeError);
    expect(() => daysBetween('nope', '2025-01-01')).toThrow(RangeError);
  });

  it('[D2] recognises RFC 3339 timestamps with an explicit offset', () => {
    expect(isIsoDateTime('2025-03-01T14:05:00.000Z')).toBe(true);
    expect(isIsoDateTime('2025-03-01T14:05:00Z')).toBe(true);
    expect(isIsoDateTime('2025-03-01T09:05:00-05:00')).toBe(true);
    expect(isIsoDateTime('2025-03-01T09:05:00.123456+05:30')).toBe(true);
    expect(isIsoDateTime('2025-03-01T14:05:00')).toBe(false); // no offset: ambiguous
    expect(isIsoDateTime('2025-03-01')).toBe(false);
    expect(isIsoDateTime('2025-02-29T00:00:00Z')).toBe(false);
    expect(isIsoDateTime('2025-03-01T24:00:00Z')).toBe(false);
    expect(isIsoDateTime('2025-03-01T23:60:00Z')).toBe(false);
    expect(isIsoDateTime('2025-03-01T23:59:60Z')).toBe(false);
    expect(isIsoDateTime('2025-03-01T23:59:59+24:00')).toBe(false);
    expect(isIsoDateTime('2025-03-01 14:05:00Z')).toBe(false);
  });

  it('[D1] an expiry date is usable through the end of that local day', () => {
    const end = endOfLocalDayUtcMs('2025-03-31', -240); // New York, daylight time
    expect(end).toBe(Date.parse('2025-04-01T03:59:59.999Z'));
    expect(endOfLocalDayUtcMs('2025-03-31', 0)).toBe(Date.parse('2025-03-31T23:59:59.999Z'));
    expect(endOfLocalDayUtcMs('2025-03-31', 540)).toBe(Date.parse('2025-03-31T14:59:59.999Z')); // Tokyo
    // The last local millisecond of the expiry day is still that day; the next one is not.
    expect(todayIso(end, -240)).toBe('2025-03-31');
    expect(todayIso(end + 1, -240)).toBe('2025-04-01');
    expect(() => endOfLocalDayUtcMs('2025-03-31', 1440)).toThrow(RangeError);
    expect(() => endOfLocalDayUtcMs('2025-03-31', 30.5)).toThrow(RangeError);
  });

  it('[D3] today is the local date at the injected time and offset', () => {
    const now = Date.parse('2025-03-01T03:30:00Z');
    expect(todayIso(now, -300)).toBe('2025-02-28'); // New York
    expect(todayIso(now, 0)).toBe('2025-03-01');
    expect(todayIso(now, 540)).toBe('2025-03-01'); // Tokyo
    expect(todayIso(Date.parse('2025-03-01T14:59:59.999Z'), 540)).toBe('2025-03-01');
    expect(todayIso(Date.parse('2025-03-01T15:00:00Z'), 540)).toBe('2025-03-02');
    expect(() => todayIso(Number.NaN, 0)).toThrow(RangeError);
  });

  it('[D3] a moment shows as the local date and 24-hour time', () => {
    expect(localDateTime('2026-12-02T19:05:00Z', -300)).toBe('2026-12-02 14:05');
    expect(localDateTime('2026-12-02T03:30:00Z', -300)).toBe('2026-12-01 22:30');
    expect(localDateTime('2026-12-02T15:00:00Z', 540)).toBe('2026-12-03 00:00');
  });
});

describe('local date-times for the screens', () => {
  it('shows an instant as local 24-hour time and date, whatever the locale', () => {
    expect(localDateTime('2026-12-01T20:12:36Z', -300)).toBe('2026-12-01 15:12');
    expect(localTime('2026-12-01T20:12:36Z', -300)).toBe('15:12');
    // Past local midnight the date moves with the offset.
    expect(localDateTime('2026-12-01T23:30:00Z', 60)).toBe('2026-12-02 00:30');
    expect(() => localDateTime('yesterday', 0)).toThrow(RangeError);
  });
});
