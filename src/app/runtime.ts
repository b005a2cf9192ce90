/**
 * The only place the app reads the clock and the random source; everything below receives them.
 * Keeping them here lets tests and the domain stay deterministic.
 */
import { todayIso } from '../domain/dates';
import { createIdGenerator } from '../domain/ids';

export const now = (): number => Date.now();

export const newId: () => string = createIdGenerator(now, (n) => crypto.getRandomValues(new Uint8Array(n)));

/** Today's date in the device's time zone (YYYY-MM-DD). */
export function deviceToday(): string {
  const nowMs = now();
  return todayIso(nowMs, -new Date(nowMs).getTimezoneOffset());
}
