/**
 * What the shared scanner identified, as the receipt needs it ([RC4]): the product and packaging
 * level the catalog matched, and lot, expiry and serial from the code (GS1 AI 10/17/21, HIBC).
 */
import type { ReceiptScan } from '../../domain/receiving/draft';
import type { ScanOutcome } from '../../scan/flow';

export function receiptScanOf(outcome: ScanOutcome): ReceiptScan | null {
  const id = outcome.identification;
  if (!outcome.parsed.ok || !id) return null;
  const match = outcome.match;
  return {
    product: match?.product ?? null,
    level: match?.level ?? null,
    ...(id.lot !== undefined ? { lotNumber: id.lot } : {}),
    ...(id.expiry !== undefined ? { expiry: id.expiry } : {}),
    ...(id.serial !== undefined ? { serial: id.serial } : {}),
    knownLot: match?.lot ?? null,
  };
}
