/**
 * ISO date helpers. Pure: callers pass "now" and the device's UTC offset; nothing here reads the
 * clock or the host time zone. See SPEC.md [D1]-[D3].
 *
 * Offsets are minutes EAST of UTC (New York in winter = -300, Tokyo = 540), the ISO 8601 sign.
 * JavaScript's Date#getTimezoneOffset() has the opposite sign: pass `-date.getTimezoneOffset()`.
 */
import { MAX_UTC_OFFSET_MINUTES, MAX_YEAR, MIN_YEAR } from './bounds';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const DAY_MS = 86_400_000;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Offsets must be under a day in magnitude (real ones span -12:00..+14:00). */
const MAX_OFFSET_MINUTES = 1439;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days in a month (1-12), leap years included: daysInMonth(2016, 2) = 29, daysInMonth(1900, 2) = 28.
 * Plain arithmetic rather than Date.UTC, which maps years 0-99 to 1900-1999.
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? Number.NaN;
}

/** True for a real calendar date in YYYY-MM-DD form ("2025-02-29" is false). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * True for an RFC 3339 timestamp with seconds and an explicit offset, as toISOString() writes:
 * "2025-03-01T14:05:00.000Z", "2025-03-01T09:05:00-05:00". Leap seconds (:60) and timestamps
 * without an offset are rejected: a local time with no offset is ambiguous.
 */
export function isIsoDateTime(value: string): boolean {
  const m = ISO_DATE_TIME.exec(value);
  if (!m || !isIsoDate(m[1] ?? '')) return false;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (hour > 23 || minute > 59 || second > 59) return false;
  return m[5] === undefined || (Number(m[6]) <= 23 && Number(m[7]) <= 59);
}

const inYears = (isoDate: string) => {
  const year = Number(isoDate.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};

/**
 * A real calendar date in the years Chairside accepts ([D4]): what an expiry or order date may be.
 * "2025-02-28" is true; "2025-02-30", "2025-13-45" and "0000-01-01" are false.
 */
export function isPlausibleDate(value: string): boolean {
  return isIsoDate(value) && inYears(value);
}

/**
 * An RFC 3339 timestamp (isIsoDateTime) in the accepted years with a real UTC offset, at most
 * ±14:00 ([D4]): "2025-03-01T09:05:00-05:00" is true; "0000-01-01T00:00:00Z" and
 * "2025-03-01T09:05:00+23:59" are false — both passed the old check and failed in PostgreSQL.
 */
export function isPlausibleDateTime(value: string): boolean {
  const m = ISO_DATE_TIME.exec(value);
  if (!m || !isIsoDateTime(value) || !inYears(value)) return false;
  if (m[5] === undefined) return true;
  return Number(m[6]) * 60 + Number(m[7]) <= MAX_UTC_OFFSET_MINUTES;
}

function assertIsoDate(isoDate: string): void {
  if (!isIsoDate(isoDate)) throw new RangeError(`not an ISO date: ${isoDate}`);
}

function assertOffset(minutes: number): void {
  if (!Number.isInteger(minutes) || Math.abs(minutes) > MAX_OFFSET_MINUTES) {
    throw new RangeError(`UTC offset must be whole minutes under a day: ${minutes}`);
  }
}

/** Milliseconds of UTC midnight starting `isoDate` (valid input assumed). */
function utcMidnightMs(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`);
}

/** The UTC calendar date of `ms`; throws RangeError outside years 0000-9999. */
function isoDateOfUtcMs(ms: number): string {
  const iso = new Date(ms).toISOString();
  if (!/^\d{4}-/.test(iso)) throw new RangeError(`date outside years 0000-9999: ${iso}`);
  return iso.slice(0, 10);
}

/** Calendar arithmetic on YYYY-MM-DD: addDays("2024-02-28", 1) = "2024-02-29". */
export function addDays(isoDate: string, days: number): string {
  assertIsoDate(isoDate);
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  return isoDateOfUtcMs(utcMidnightMs(isoDate) + days * DAY_MS);
}

/** Whole calendar days from a to b: daysBetween("2024-02-28", "2024-03-01") = 2; negative if b < a. */
export function daysBetween(a: string, b: string): number {
  assertIsoDate(a);
  assertIsoDate(b);
  // UTC midnights are exactly DAY_MS apart: no DST in UTC, so the division is exact.
  return (utcMidnightMs(b) - utcMidnightMs(a)) / DAY_MS;
}

/** Sort comparator for YYYY-MM-DD: -1, 0 or 1. Fixed-width digits make string order date order. */
export function compareIsoDates(a: string, b: string): -1 | 0 | 1 {
  assertIsoDate(a);
  assertIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The local calendar date at `nowMs` for a device at `utcOffsetMinutes`.
 * Example: 2025-03-01T03:30Z in New York (-300) is still "2025-02-28"; in Tokyo (540) "2025-03-01".
 */
export function todayIso(nowMs: number, utcOffsetMinutes: number): string {
  if (!Number.isFinite(nowMs)) throw new RangeError(`not a timestamp: ${nowMs}`);
  assertOffset(utcOffsetMinutes);
  return isoDateOfUtcMs(nowMs + utcOffsetMinutes * 60_000);
}

/**
 * The last millisecond (inclusive) of local day `isoDate`, in UTC ms: a lot printed "EXP 2025-03-31"
 * is usable while nowMs <= endOfLocalDayUtcMs("2025-03-31", offset) — SPEC.md [D1].
 *
 * Worked example: New York in daylight time (-240): local midnight ending Mar 31 is
 * 2025-04-01T04:00:00Z, so the result is Date.parse("2025-04-01T03:59:59.999Z").
 * On a DST-change day pass the offset in effect at that midnight; the error is at most an hour.
 */
export function endOfLocalDayUtcMs(isoDate: string, utcOffsetMinutes: number): number {
  assertIsoDate(isoDate);
  assertOffset(utcOffsetMinutes);
  return utcMidnightMs(isoDate) + DAY_MS - utcOffsetMinutes * 60_000 - 1;
}

/**
 * An instant as the screens show it (docs/ui.md "Dates and times"): local 24-hour "HH:MM", and
 * "YYYY-MM-DD HH:MM" where the day matters. One format everywhere, whatever the browser's locale.
 * Example: 2026-12-01T20:12:36Z in New York (-300) → time "15:12", dateTime "2026-12-01 15:12".
 */
export function localTime(iso: string, utcOffsetMinutes: number): string {
  return localDateTime(iso, utcOffsetMinutes).slice(11);
}

export function localDateTime(iso: string, utcOffsetMinutes: number): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${iso}`);
  assertOffset(utcOffsetMinutes);
  const local = new Date(ms + utcOffsetMinutes * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}
