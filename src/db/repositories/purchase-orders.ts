/**
 * Purchase orders on the tablet ([PO1]-[PO3]): the orders (kind `purchase_orders` in `records`,
 * newest first), what has been received against each (from the ledger's `receive` events), and
 * saving an order through `saveRecords`, so it replicates like any record ([MD9]).
 */
import { combineLatest, map, type Observable } from 'rxjs';
import type { PurchaseOrder } from '../../domain/model';
import { receiptsByOrder, type ReceivedAgainstOrder } from '../../domain/purchasing';
import type { ChairsideDatabase } from '../collections';
import { fromEnvelope } from '../schemas/records';
import { fromEventDoc } from './events';
import { toLot } from './lots';
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
  return combineLatest([
    db.events.find({ selector: { type: 'receive' } }).$,
    db.events.find({ selector: { correctsId: { $ne: null } } }).$,
    db.lots.find().$,
  ]).pipe(
    map(([receipts, corrections, lots]) =>
      receiptsByOrder(
        [...receipts, ...corrections].map((d) => fromEventDoc(d.toMutableJSON())),
        new Map(lots.map((l) => [l.id, toLot(l.toMutableJSON())])),
      ),
    ),
  );
}

/** Stores the order as edited (created, changed, sent or cancelled) by `ctx.actorId`. */
export async function saveOrder(
  db: ChairsideDatabase,
  order: PurchaseOrder,
  ctx: EditContext,
): Promise<void> {
  await saveRecords(db, 'purchase_orders', [order], ctx);
}
