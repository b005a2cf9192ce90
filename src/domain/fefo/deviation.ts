/**
 * Drawing from something other than the FEFO suggestion is allowed but asks for a reason, so the
 * manager can see why stock expired on the shelf. SPEC.md [F5].
 */
import type { Candidate } from './rank';

export type FefoDeviationReason = 'patient_preference' | 'product_damaged' | 'lot_not_found' | 'other';
/** How staff read each reason (the Treat screen's choices, visit lines, reports). */
export const FEFO_DEVIATION_LABELS: Record<FefoDeviationReason, string> = {
  patient_preference: 'Patient or provider preference',
  product_damaged: 'Suggested vial damaged',
  lot_not_found: 'Suggested lot not found in the fridge',
  other: 'Other',
};

/** How staff read each FEFO blocker ([F2]). */
export const BLOCKER_LABELS: Record<string, string> = {
  expired: 'Expired',
  recalled: 'Recalled',
  hold: 'On hold',
  quarantine: 'Quarantined',
  beyond_use: 'Past beyond-use time',
  empty: 'Empty',
};

export const FEFO_DEVIATION_REASONS: readonly FefoDeviationReason[] = [
  'patient_preference',
  'product_damaged',
  'lot_not_found',
  'other',
];

/**
 * True when `picked` departs from FEFO: there is a suggestion and the pick is neither it nor an
 * equal choice. Equal = same kind, no blockers and the same use-by instant (two boxes of one
 * expiry date are interchangeable; a newer-opened vial is not, its older sibling would be wasted).
 * With no suggestion nothing is usable: using a blocked lot is an override, not a deviation.
 *
 * Example: suggestion = lot A (exp 03-30), picked lot B (exp 11-05) → true (reason required);
 * picked lot A2 (another lot, exp 03-30) → false.
 */
export function isFefoDeviation(suggestion: Candidate | null, picked: Candidate): boolean {
  if (suggestion === null) return false;
  if (
    picked.kind === suggestion.kind &&
    picked.lotId === suggestion.lotId &&
    picked.containerId === suggestion.containerId
  ) {
    return false;
  }
  const equal =
    picked.kind === suggestion.kind && picked.blockers.length === 0 && picked.useByMs === suggestion.useByMs;
  return !equal;
}

/** Longest "Other" explanation kept on a draw. */
export const DEVIATION_NOTE_MAX = 200;

/**
 * What is missing from a non-FEFO reason, or null when it will do ([F5]): a reason from the list,
 * and for "Other" a few words (at most DEVIATION_NOTE_MAX characters).
 *
 * Example: ('', '') → "Choose a reason."; ('other', ' ') → "Say why in a few words."; ('other',
 * 'fridge door stuck') → null.
 */
export function checkDeviation(reason: string | null, note: string | null): string | null {
  if (!reason) return 'Choose a reason.';
  if (!(FEFO_DEVIATION_REASONS as readonly string[]).includes(reason))
    return 'Choose a reason from the list.';
  if (reason !== 'other') return null;
  const words = (note ?? '').trim();
  if (words === '') return 'Say why in a few words.';
  if (words.length > DEVIATION_NOTE_MAX) return `Keep it under ${DEVIATION_NOTE_MAX} characters.`;
  return null;
}
