/**
 * Keyboard-wedge scanners (USB/Bluetooth) "type" a code as fast keystrokes ending in Enter
 * (SPEC [SC6]). People type far slower, so keys arriving more than `gapMs` apart start over.
 * A burst is a scan when it ends in Enter and has at least `minLength` characters.
 * Some scanners send GS (ASCII 29) as its own key; it is kept as a character.
 * Worked example (gap 50 ms): "0"@0 "1"@8 … "4"@120 Enter@128 → the 16 characters, if each key
 * came < 50 ms after the previous one; "h"@0 "i"@300 Enter@310 → nothing ("i" restarted, too short).
 */
export const WEDGE_GAP_MS = 50;
export const WEDGE_MIN_LENGTH = 6;

export interface WedgeState {
  readonly buffer: string;
  readonly lastKeyMs: number;
}

export const EMPTY_WEDGE: WedgeState = { buffer: '', lastKeyMs: Number.NEGATIVE_INFINITY };

/** Feeds one KeyboardEvent.key; returns the scanned text when this key completes a burst. */
export function wedgeKey(
  state: WedgeState,
  key: string,
  nowMs: number,
  gapMs = WEDGE_GAP_MS,
  minLength = WEDGE_MIN_LENGTH,
): { state: WedgeState; scanned: string | null } {
  const buffer = nowMs - state.lastKeyMs <= gapMs ? state.buffer : '';
  if (key === 'Enter') {
    const scanned = buffer.length >= minLength ? buffer : null;
    return { state: EMPTY_WEDGE, scanned };
  }
  if (key.length !== 1) return { state: { buffer, lastKeyMs: nowMs }, scanned: null };
  return { state: { buffer: buffer + key, lastKeyMs: nowMs }, scanned: null };
}
