/**
 * What has arrived against a purchase order ([RC3]): per line, ordered vs received, and the
 * order's status as it follows from the receipts. Receipts are summed per product, so the order in
 * which they arrive never changes the answer (property-tested).
 *
 * Status: a draft, a cancelled order and a sent one with nothing received keep the status staff
 * gave them; once anything is received, a sent order is `partially_received` until every line has
 * at least its ordered quantity, then `received`. A product received that the order does not list
 * is reported as an extra line (ordered 0).
 *
 * Worked example: lines Botox 1_000 U, Juvéderm 4 mL; receipts Botox 600 U, Botox 500 U →
 *   Botox received 1_100 (over 100), Juvéderm received 0 (short 4 mL) → partially_received.
 */
import { sumQuantities } from '../quantity';

export type OrderIntent = 'draft' | 'sent' | 'cancelled';
export type OrderStatus = OrderIntent | 'partially_received' | 'received';

export interface OrderedLine {
  productId: string;
  quantityMilli: number;
}

export interface ReceivedAgainstOrder {
  productId: string;
  quantityMilli: number;
}

export interface LineProgress {
  productId: string;
  orderedMilli: number;
  receivedMilli: number;
  /** Still to come (0 when complete or over). */
  shortMilli: number;
  /** Received beyond the order (0 when not over). */
  overMilli: number;
}

export interface OrderProgress {
  lines: LineProgress[];
  status: OrderStatus;
}

export function orderProgress(
  intent: OrderIntent,
  ordered: readonly OrderedLine[],
  receipts: readonly ReceivedAgainstOrder[],
): OrderProgress {
  const orderedBy = new Map<string, number[]>();
  for (const line of ordered)
    orderedBy.set(line.productId, [...(orderedBy.get(line.productId) ?? []), line.quantityMilli]);
  const receivedBy = new Map<string, number[]>();
  for (const r of receipts)
    receivedBy.set(r.productId, [...(receivedBy.get(r.productId) ?? []), r.quantityMilli]);
  const productIds = [
    ...orderedBy.keys(),
    ...[...receivedBy.keys()].filter((id) => !orderedBy.has(id)).sort(),
  ];
  const lines = productIds.map((productId) => {
    const orderedMilli = sumQuantities(orderedBy.get(productId) ?? []);
    const receivedMilli = sumQuantities(receivedBy.get(productId) ?? []);
    return {
      productId,
      orderedMilli,
      receivedMilli,
      shortMilli: Math.max(orderedMilli - receivedMilli, 0),
      overMilli: Math.max(receivedMilli - orderedMilli, 0),
    };
  });
  return { lines, status: statusOf(intent, lines) };
}

function statusOf(intent: OrderIntent, lines: readonly LineProgress[]): OrderStatus {
  if (intent !== 'sent') return intent;
  if (!lines.some((l) => l.receivedMilli > 0)) return 'sent';
  return lines.every((l) => l.shortMilli === 0) ? 'received' : 'partially_received';
}
