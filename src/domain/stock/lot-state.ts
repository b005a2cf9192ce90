/**
 * What the Stock screen says about one lot (SPEC [ST4]): one state, the most urgent first.
 *
 *   below zero (more drawn than received here: count it, [AL1])          bad
 *   recalled                                                             bad
 *   used up (nothing on hand: the History view)                          muted
 *   on hold / quarantined                                                warn
 *   expired (after the end of its expiry day, [D1])                      bad
 *   expires within EXPIRING_SOON_DAYS (today counts as 0)                warn  "Expires in 20 days"
 *   available                                                            ok
 *
 * Worked example, today 2026-12-02: a lot expiring 2026-12-22 is "Expires in 20 days" (warn), one
 * expiring 2026-12-02 "Expires today", 2026-12-03 "Expires tomorrow", 2026-11-29 "Expired" (bad),
 * 2027-07-30 "Available" (ok); a recalled lot expiring in 20 days is "Recalled" — status first; an
 * expired lot with nothing left is "Used up".
 */
import { daysBetween } from '../dates';
import type { Lot } from '../model';

/** Lots expiring within this many days (inclusive) are flagged on Stock. */
export const EXPIRING_SOON_DAYS = 30;

export type LotStateKind =
  'below_zero' | 'recalled' | 'used_up' | 'hold' | 'quarantine' | 'expired' | 'expiring_soon' | 'available';

export interface LotState {
  kind: LotStateKind;
  label: string;
  tone: 'ok' | 'warn' | 'bad' | 'muted';
  /** Whole days from today to the expiry date (negative once expired). */
  daysToExpiry: number;
}

function expiresLabel(days: number): string {
  if (days === 0) return 'Expires today';
  if (days === 1) return 'Expires tomorrow';
  return `Expires in ${days} days`;
}

export function lotState(
  lot: Pick<Lot, 'status' | 'expiry'>,
  onHandMilli: number,
  today: string,
  soonDays = EXPIRING_SOON_DAYS,
): LotState {
  const daysToExpiry = daysBetween(today, lot.expiry);
  const state = (kind: LotStateKind, label: string, tone: LotState['tone']): LotState => ({
    kind,
    label,
    tone,
    daysToExpiry,
  });
  if (onHandMilli < 0) return state('below_zero', 'Below zero', 'bad');
  if (lot.status === 'recalled') return state('recalled', 'Recalled', 'bad');
  if (onHandMilli === 0) return state('used_up', 'Used up', 'muted');
  if (lot.status === 'hold') return state('hold', 'On hold', 'warn');
  if (lot.status === 'quarantine') return state('quarantine', 'Quarantined', 'warn');
  if (daysToExpiry < 0) return state('expired', 'Expired', 'bad');
  if (daysToExpiry <= soonDays) return state('expiring_soon', expiresLabel(daysToExpiry), 'warn');
  return state('available', 'Available', 'ok');
}
