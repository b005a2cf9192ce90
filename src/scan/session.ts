/**
 * One open scanner's reads, pure: camera reads de-duplicated ([SC2]), then parse → pack flow →
 * match (flow.ts). Typed and wedge reads are never de-duplicated: a person meant each one.
 * Example: camera A@0 → outcome 1; camera A@500 → null (held in view); manual A@600 → outcome 2.
 */
import { dedupe, EMPTY_DEDUP } from './dedup';
import type { DedupState } from './dedup';
import { processRead } from './flow';
import type { FlowContext, ScanOutcome, ScanSource } from './flow';

export interface ScanSession {
  readonly last: ScanOutcome | null;
  readonly dedup: DedupState;
}

export const EMPTY_SESSION: ScanSession = { last: null, dedup: EMPTY_DEDUP };

/** Feeds one read; `outcome` is null when it was a repeat of the code in view. */
export function submitRead(
  session: ScanSession,
  raw: string,
  source: ScanSource,
  ctx: FlowContext,
): { session: ScanSession; outcome: ScanOutcome | null } {
  let dedup = session.dedup;
  if (source === 'camera') {
    const d = dedupe(dedup, raw, ctx.nowMs);
    dedup = d.state;
    if (!d.accept) return { session: { ...session, dedup }, outcome: null };
  }
  const outcome = processRead(session.last, raw, source, ctx);
  return { session: { last: outcome, dedup }, outcome };
}
