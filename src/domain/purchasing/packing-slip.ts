/**
 * The packing-slip check while receiving against a purchase order ([PO3]): per product, what the
 * order expects, what earlier receipts brought, what this receipt has scanned so far, and what
 * that leaves — missing (still to come after this receipt), over, or a product the order does not
 * list (extra) — plus the lines whose lot is expired or short-dated. Live: the screen recomputes
 * it after every scan. The counting is `orderProgress` ([RC3]) over earlier receipts plus this one.
 *
 * Worked example: order Botox 200 U + Juvéderm 4 mL; earlier receipt Botox 100 U; scanned now
 * Botox 100 U, Sculptra 1 vial → Botox complete, Juvéderm missing 4 mL, Sculptra extra; the order
 * would become partially received.
 */
import type { PurchaseOrder } from '../model';
import type { ReceiptDraft } from '../receiving/draft';
import { orderProgress, type OrderStatus, type ReceivedAgainstOrder } from './po-progress';

export type SlipState = 'complete' | 'missing' | 'short' | 'over' | 'extra';

export interface SlipLine {
  productId: string;
  orderedMilli: number;
  receivedBeforeMilli: number;
  scannedMilli: number;
  /** Still to come after this receipt (ordered − before − now, never negative). */
  missingMilli: number;
  /** Beyond the order after this receipt. */
  overMilli: number;
  /** complete; missing (nothing of it yet); short (some); over; extra (not on the order). */
  state: SlipState;
  /** Lot numbers scanned for this product whose expiry warned (expired or short-dated). */
  datedLots: string[];
}

export interface PackingSlip {
  lines: SlipLine[];
  /** The order's status once this receipt is confirmed. */
  statusAfter: OrderStatus;
}

function stateOf(ordered: number, before: number, now: number, missing: number, over: number): SlipState {
  if (ordered === 0) return 'extra';
  if (over > 0) return 'over';
  if (missing === 0) return 'complete';
  return before + now === 0 ? 'missing' : 'short';
}

export function packingSlip(
  order: Pick<PurchaseOrder, 'status' | 'lines'>,
  receivedBefore: readonly ReceivedAgainstOrder[],
  draft: ReceiptDraft,
  containerSizeMilli: (productId: string) => number,
): PackingSlip {
  const intent = order.status;
  const now: ReceivedAgainstOrder[] = draft.lines.map((l) => ({
    productId: l.productId,
    quantityMilli: l.containers * containerSizeMilli(l.productId),
  }));
  const before = orderProgress(intent, order.lines, receivedBefore);
  const after = orderProgress(intent, order.lines, [...receivedBefore, ...now]);
  const beforeOf = new Map(before.lines.map((l) => [l.productId, l.receivedMilli]));
  const lines = after.lines.map((l): SlipLine => {
    const receivedBeforeMilli = beforeOf.get(l.productId) ?? 0;
    const scannedMilli = l.receivedMilli - receivedBeforeMilli;
    return {
      productId: l.productId,
      orderedMilli: l.orderedMilli,
      receivedBeforeMilli,
      scannedMilli,
      missingMilli: l.shortMilli,
      overMilli: l.overMilli,
      state: stateOf(l.orderedMilli, receivedBeforeMilli, scannedMilli, l.shortMilli, l.overMilli),
      datedLots: draft.lines
        .filter((d) => d.productId === l.productId && d.warnings.length > 0)
        .map((d) => d.lotNumber),
    };
  });
  return { lines, statusAfter: after.status };
}
