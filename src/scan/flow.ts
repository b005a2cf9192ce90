/**
 * One read through the whole pipeline, pure: parse → combine into the pack flow → match against
 * the catalog (SPEC [SC3], [SC4]). session.ts adds the camera's de-duplication; the React hook
 * (src/features/scanner/useScanFlow.ts) only keeps that state and adds the beep.
 * Example: state null, raw "]d2<GS>0100099000000011172612121OC8123AC4"… → outcome with
 * identification {gtin, lot, expiry, complete} and match {product: Botox, lotState: 'known'}.
 */
import { parseBarcode } from '../domain/barcode';
import type { BarcodeResult } from '../domain/barcode';
import { combineScan } from './combine';
import type { CombineOutcome, Identification } from './combine';
import { matchScan } from './match';
import type { MatchContext, ScanMatch } from './match';

export type ScanSource = 'camera' | 'manual' | 'wedge';

export interface ScanOutcome {
  /** Increases with every processed read, so the same identification read again is still news. */
  readonly seq: number;
  readonly raw: string;
  readonly source: ScanSource;
  readonly parsed: BarcodeResult;
  /** The pack flow after this read (unchanged by a read that failed to parse). */
  readonly identification: Identification | null;
  readonly combine: CombineOutcome | null;
  readonly match: ScanMatch | null;
}

export interface FlowContext extends MatchContext {
  /** YYYY-MM-DD on the device, for two-digit years. */
  readonly today: string;
}

export function processRead(
  previous: ScanOutcome | null,
  raw: string,
  source: ScanSource,
  ctx: FlowContext,
): ScanOutcome {
  const seq = (previous?.seq ?? 0) + 1;
  const parsed = parseBarcode(raw, { today: ctx.today });
  const current = previous?.identification ?? null;
  if (!parsed.ok) {
    return {
      seq,
      raw,
      source,
      parsed,
      identification: current,
      combine: null,
      match: previous?.match ?? null,
    };
  }
  const { identification, outcome } = combineScan(current, parsed, ctx.nowMs);
  return {
    seq,
    raw,
    source,
    parsed,
    identification,
    combine: outcome,
    match: matchScan(identification, ctx),
  };
}
