/**
 * The same identification matched again after the catalog changed — a lot or product just
 * created from this scan (SPEC [SC7], [SC8]) — so the screen continues as if the record had been
 * there when the code was read. Kept apart from flow.ts so the Treat screen can use it without
 * pulling the barcode parser into the initial bundle.
 */
import type { ScanOutcome } from './flow';
import { matchScan } from './match';
import type { MatchContext } from './match';

export function rematch(outcome: ScanOutcome, ctx: MatchContext): ScanOutcome {
  if (!outcome.identification || !outcome.parsed.ok) return outcome;
  return { ...outcome, seq: outcome.seq + 1, match: matchScan(outcome.identification, ctx) };
}
