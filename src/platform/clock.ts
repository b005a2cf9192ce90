/**
 * The only place the app reads the clock and the random source; everything below receives them.
 * Keeping them here lets tests and the domain stay deterministic.
 */
import { localDateTime, localTime, todayIso } from '../domain/dates';
import { createIdGenerator } from '../domain/ids';

export const now = (): number => Date.now();

export const newId: () => string = createIdGenerator(now, (n) => crypto.getRandomValues(new Uint8Array(n)));

/** The device's offset from UTC at `nowMs`, in minutes (east positive), as the domain takes it. */
export function utcOffsetMinutes(nowMs: number): number {
  return -new Date(nowMs).getTimezoneOffset();
}

/** Today's date in the device's time zone (YYYY-MM-DD). */
export function deviceToday(): string {
  const nowMs = now();
  return todayIso(nowMs, utcOffsetMinutes(nowMs));
}

/** An instant in the screens' one local format, "YYYY-MM-DD HH:MM" (docs/ui.md). */
export function showDateTime(iso: string): string {
  return localDateTime(iso, utcOffsetMinutes(Date.parse(iso)));
}

/** The local "HH:MM" of an instant, for lines within one day (a visit's draws). */
export function showTime(iso: string): string {
  return localTime(iso, utcOffsetMinutes(Date.parse(iso)));
}
