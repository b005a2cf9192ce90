/**
 * Two-digit-year dates on barcodes: the GS1 century window and YYMMDD with DD = 00.
 */
import { daysInMonth } from '../dates';

/**
 * GS1 General Specifications §7.12: the full year of two-digit year `yy`, relative to the current
 * year. diff = yy − (current year mod 100); 51…99 → previous century, −99…−50 → next century,
 * otherwise the current one.
 * Examples with currentYear 2025: 99 → 1999 (diff 74), 75 → 2075 (diff 50), 76 → 1976 (diff 51).
 * With currentYear 2080: 30 → 2130 (diff −50), 31 → 2031 (diff −49).
 */
export function fullYear(yy: number, currentYear: number): number {
  const century = currentYear - (currentYear % 100);
  const diff = yy - (currentYear % 100);
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

/** The current year from options.today ("2025-06-01"), or undefined when absent or malformed. */
export function yearOfToday(today: string | undefined): number | undefined {
  const m = today === undefined ? null : /^(\d{4})-\d{2}-\d{2}$/.exec(today);
  return m ? Number(m[1]) : undefined;
}

/** Without `today` two-digit years map to 2000-2099 (window centred on 2049); callers warn. */
export const DEFAULT_CENTURY_YEAR = 2049;

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type DateResult = { ok: true; iso: string; dayZero: boolean } | { ok: false; message: string };

/**
 * A calendar date from year, month and day digits. Day 00 (when `allowDayZero`) means the last
 * day of the month, leap years included: (2016, 02, 00) → "2016-02-29"; month 00 is invalid.
 */
export function calendarDate(year: number, month: number, day: number, allowDayZero: boolean): DateResult {
  if (month < 1 || month > 12) return { ok: false, message: `month ${month} is not 01-12` };
  const last = daysInMonth(year, month);
  if (day === 0 && allowDayZero) return { ok: true, iso: iso(year, month, last), dayZero: true };
  if (day < 1 || day > last)
    return { ok: false, message: `day ${day} does not exist in ${iso(year, month, 1).slice(0, 7)}` };
  return { ok: true, iso: iso(year, month, day), dayZero: false };
}

/** "YYMMDD" → ISO date with the §7.12 window. "160200", 2025 → "2016-02-29" (day zero). */
export function parseYymmdd(value: string, currentYear: number, allowDayZero: boolean): DateResult {
  if (!/^\d{6}$/.test(value)) return { ok: false, message: `"${value}" is not YYMMDD` };
  const [yy, mm, dd] = [0, 2, 4].map((i) => Number(value.slice(i, i + 2))) as [number, number, number];
  return calendarDate(fullYear(yy, currentYear), mm, dd, allowDayZero);
}

/** "YYYYMMDD" → ISO date ("20111212" → "2011-12-12"). */
export function parseYyyymmdd(value: string, allowDayZero: boolean): DateResult {
  if (!/^\d{8}$/.test(value)) return { ok: false, message: `"${value}" is not YYYYMMDD` };
  return calendarDate(
    Number(value.slice(0, 4)),
    Number(value.slice(4, 6)),
    Number(value.slice(6, 8)),
    allowDayZero,
  );
}

/** Julian "YYJJJ" (day of year 001-366) → ISO date: "05271", 2025 → "2005-09-28". */
export function parseYyjjj(value: string, currentYear: number): DateResult {
  if (!/^\d{5}$/.test(value)) return { ok: false, message: `"${value}" is not YYJJJ` };
  const year = fullYear(Number(value.slice(0, 2)), currentYear);
  let dayOfYear = Number(value.slice(2));
  for (let month = 1; month <= 12; month++) {
    const days = daysInMonth(year, month);
    if (dayOfYear >= 1 && dayOfYear <= days) return calendarDate(year, month, dayOfYear, false);
    dayOfYear -= days;
  }
  return { ok: false, message: `day-of-year ${value.slice(2)} does not exist in ${year}` };
}
