/**
 * Why a lot or an opened container may not be used now. SPEC.md [D1], [F2], [F4].
 */
import { endOfLocalDayUtcMs, isIsoDate } from '../dates';
import type { Lot, Product } from '../model';

export type Blocker = 'expired' | 'recalled' | 'hold' | 'quarantine' | 'beyond_use' | 'empty';

/** A manager may use these anyway, and the override is recorded on the event. */
export const OVERRIDABLE_BLOCKERS: readonly Blocker[] = ['expired', 'recalled', 'hold', 'quarantine'];

const HOUR_MS = 3_600_000;

/**
 * Last usable millisecond of a lot ([D1]): the end of its expiry day, local time. An unreadable
 * expiry counts as already expired (fail safe), so it sorts first among the blocked.
 */
export function expiryEndMs(expiry: string, utcOffsetMinutes: number): number {
  return isIsoDate(expiry) ? endOfLocalDayUtcMs(expiry, utcOffsetMinutes) : Number.NEGATIVE_INFINITY;
}

export function isExpired(expiry: string, nowMs: number, utcOffsetMinutes: number): boolean {
  return nowMs > expiryEndMs(expiry, utcOffsetMinutes);
}

/**
 * Last usable millisecond of a container opened at `openedAt` ([F2]): openedAt + beyondUseHours.
 * null = the product has no limit. An unreadable openedAt counts as already past it (fail safe).
 * Example: Botox (24 h) opened 2025-03-01T09:00:00Z → usable through 2025-03-02T09:00:00.000Z.
 */
export function beyondUseAtMs(product: Product, openedAt: string): number | null {
  if (product.beyondUseHours === null) return null;
  const opened = Date.parse(openedAt);
  return Number.isNaN(opened) ? Number.NEGATIVE_INFINITY : opened + product.beyondUseHours * HOUR_MS;
}

/** Blockers that come from the lot itself: its status and its expiry date. */
export function lotBlockers(lot: Lot, nowMs: number, utcOffsetMinutes: number): Blocker[] {
  const blockers: Blocker[] = [];
  if (isExpired(lot.expiry, nowMs, utcOffsetMinutes)) blockers.push('expired');
  if (lot.status !== 'available') blockers.push(lot.status);
  return blockers;
}

/** True when there is something to override and a manager may override all of it. */
export function isOverridable(blockers: readonly Blocker[]): boolean {
  return blockers.length > 0 && blockers.every((b) => OVERRIDABLE_BLOCKERS.includes(b));
}
