/**
 * The receipts against a purchase order ([PO3]): the `receive` events naming it
 * (`payload.purchaseOrderId`), each as the product and quantity it brought, for `orderProgress`
 * ([RC3]). A receive voided by a correction brought nothing. Lots give each event's product.
 *
 * Example: receive 600_000 of lot L (Botox) naming order O, and one of 500_000 voided since →
 *   receiptsByOrder → { O → [{ productId: Botox, quantityMilli: 600_000 }] }.
 */
import type { LedgerEvent, Lot } from '../model';
import type { ReceivedAgainstOrder } from './po-progress';
import type { Delivery } from './supplier-performance';

/** The order a receive event was made against, or null. */
export function orderIdOf(event: Pick<LedgerEvent, 'payload'>): string | null {
  const id = event.payload.purchaseOrderId;
  return typeof id === 'string' && id !== '' ? id : null;
}

export function receiptsByOrder(
  events: readonly LedgerEvent[],
  lotsById: ReadonlyMap<string, Pick<Lot, 'productId'>>,
): Map<string, ReceivedAgainstOrder[]> {
  const out = new Map<string, ReceivedAgainstOrder[]>();
  for (const [orderId, deliveries] of deliveriesByOrder(events, lotsById))
    out.set(
      orderId,
      deliveries.map(({ productId, quantityMilli }) => ({ productId, quantityMilli })),
    );
  return out;
}

/** As receiptsByOrder, with each receipt's device time (for supplier performance, [PO7]). */
export function deliveriesByOrder(
  events: readonly LedgerEvent[],
  lotsById: ReadonlyMap<string, Pick<Lot, 'productId'>>,
): Map<string, Delivery[]> {
  const voided = new Set(events.flatMap((e) => (e.correctsId ? [e.correctsId] : [])));
  const out = new Map<string, Delivery[]>();
  for (const e of events) {
    const orderId = orderIdOf(e);
    if (e.type !== 'receive' || !orderId || voided.has(e.id)) continue;
    const productId = lotsById.get(e.lotId)?.productId;
    if (!productId) continue;
    const delivery = { productId, quantityMilli: e.quantityMilli, at: e.deviceTime };
    out.set(orderId, [...(out.get(orderId) ?? []), delivery]);
  }
  return out;
}
