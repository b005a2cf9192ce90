/**
 * Scan de-duplication (SPEC [SC2]): a code held in front of the camera is read in frame after
 * frame; it must count once. A read is accepted unless it is the same text as the last read and
 * that text was last *seen* less than `windowMs` ago. Every sighting refreshes "last seen", so a
 * code that stays in view never repeats, and the same code shown again within the window is
 * ignored.
 * Worked example (window 2000 ms): A@0 accept, A@33 ignore, A@66 ignore, A@2100 accept (more than
 * 2 s after the sighting at 66), B@2150 accept, A@2200 accept (another code came in between).
 */
export const DEDUP_WINDOW_MS = 2_000;

export interface DedupState {
  readonly text: string | null;
  readonly lastSeenMs: number;
}

export const EMPTY_DEDUP: DedupState = { text: null, lastSeenMs: Number.NEGATIVE_INFINITY };

export function dedupe(
  state: DedupState,
  text: string,
  nowMs: number,
  windowMs = DEDUP_WINDOW_MS,
): { accept: boolean; state: DedupState } {
  const repeat = state.text === text && nowMs - state.lastSeenMs < windowMs;
  return { accept: !repeat, state: { text, lastSeenMs: nowMs } };
}
