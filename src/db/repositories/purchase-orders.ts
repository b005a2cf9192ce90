/**
 * Purchase orders on the tablet ([PO1]-[PO3]): the orders (kind `purchase_orders` in `records`,
 * newest first), what has been received against each (from the ledger's `receive` events), and
 * saving an order through `saveRecords`, so it replicates like any record ([MD9]).
 */
import { map, type Observable } from 'rxjs';
import type { PurchaseOrder } from '../../domain/model';
import {
  deliveriesByOrder,
  receiptsByOrder,
  type Delivery,
  type ReceivedAgainstOrder,
} from '../../domain/purchasing';
import type { ChairsideDatabase } from '../collections';
import { fromEnvelope } from '../schemas/records';
import { watchBalances } from './balances';
import { watchReceipts } from './receiving';
import { saveRecords, type EditContext } from './records';

function toOrder(doc: Parameters<typeof fromEnvelope>[0]): PurchaseOrder {
  const { clocks: _c, editor: _e, ...order } = fromEnvelope(doc);
  return order as unknown as PurchaseOrder;
}

/** Every order on this tablet, the newest started first. */
export function watchOrders(db: ChairsideDatabase): Observable<PurchaseOrder[]> {
  return db.records
    .find({ selector: { kind: 'purchase_orders' }, sort: [{ sortKey: 'desc' }] })
    .$.pipe(map((docs) => docs.map((d) => toOrder(d.toMutableJSON()))));
}

/** Per order id, the receipts against it not voided since, live. */
export function watchOrderReceipts(db: ChairsideDatabase): Observable<Map<string, ReceivedAgainstOrder[]>> {
  return watchReceipts(db, receiptsByOrder);
}

/** Per order id, the receipts against it with their device times ([PO7]), live. */
export function watchOrderDeliveries(db: ChairsideDatabase): Observable<Map<string, Delivery[]>> {
  return watchReceipts(db, deliveriesByOrder);
}

/** Stores the order as edited (created, changed, sent or cancelled) by `ctx.actorId`. */
export async function saveOrder(
  db: ChairsideDatabase,
  order: PurchaseOrder,
  ctx: EditContext,
): Promise<void> {
  await saveRecords(db, 'purchase_orders', [order], ctx);
}

/** On hand per product at one location (Σ of its lots' balances there), live; for [PO6]. */
export function watchOnHandByProduct(
  db: ChairsideDatabase,
  locationId: string,
): Observable<Map<string, number>> {
  return watchBalances(db, (b) => b.locationId === locationId && b.productId !== '').pipe(
    map((balances) => {
      const out = new Map<string, number>();
      for (const b of balances) out.set(b.productId, (out.get(b.productId) ?? 0) + b.onHandMilli);
      return out;
    }),
  );
}

/**
 * What a suggested order needs from the catalog's small kinds ([PO6]), read-only: supplier names
 * by id, and each supplier × product's latest price per base unit (the newest `updatedOn`).
 */
export function watchSupplierFacts(
  db: ChairsideDatabase,
): Observable<{ names: Map<string, string>; prices: Map<string, number> }> {
  return db.records.find({ selector: { kind: { $in: ['suppliers', 'supplier_prices'] } } }).$.pipe(
    map((docs) => {
      const names = new Map<string, string>();
      const latest = new Map<string, { on: string; micros: number }>();
      for (const doc of docs.map((d) => d.toMutableJSON())) {
        const data = doc.data as Record<string, unknown>;
        if (doc.kind === 'suppliers' && typeof data.name === 'string') names.set(doc.id, data.name);
        if (doc.kind !== 'supplier_prices') continue;
        const { supplierId, productId, updatedOn, unitCostMicros } = data;
        if (typeof supplierId !== 'string' || typeof productId !== 'string') continue;
        if (typeof updatedOn !== 'string' || typeof unitCostMicros !== 'number') continue;
        const key = `${supplierId}|${productId}`;
        const seen = latest.get(key);
        if (!seen || updatedOn > seen.on) latest.set(key, { on: updatedOn, micros: unitCostMicros });
      }
      return { names, prices: new Map([...latest].map(([k, v]) => [k, v.micros])) };
    }),
  );
}
