/**
 * Price history of one product ([CT6]): what each supplier's price lists said, what each sent
 * purchase order agreed ([PO7]; drafts and cancelled orders say nothing), and what each
 * receipt actually cost per unit (the `receive` events' `unitCostMicros` and supplier), newest
 * first. A receipt line split across locations is several events with one line id: one entry. A
 * receipt voided by a correction (an event whose `correctsId` names it) is left out.
 * A receipt's supplier is the name typed at receiving; it is matched to a supplier record by name
 * (accents and case aside) when one exists.
 *
 * Example: price list McKesson 2026-11-01 $5.90/U, receipt 2026-11-20 from "mckesson" at $5.85/U →
 * [{ on: '2026-11-20', supplier: 'McKesson', unitCostMicros: 5_850_000, source: 'receipt' },
 *  { on: '2026-11-01', supplier: 'McKesson', unitCostMicros: 5_900_000, source: 'price list' }].
 */
import type { LedgerEvent, PurchaseOrder, SupplierPrice, Supplier } from '../model';
import { matchKey } from './text-match';

export interface PriceEntry {
  /** YYYY-MM-DD. */
  readonly on: string;
  readonly supplier: string;
  readonly supplierId: string | null;
  readonly unitCostMicros: number;
  readonly source: 'price list' | 'order' | 'receipt';
  /** The PO number of a receipt, or the supplier's SKU of a price ('' if none). */
  readonly reference: string;
}

export function priceHistory(input: {
  readonly prices: readonly SupplierPrice[];
  /** `receive` events of the product's lots and the corrections among their events (others are ignored). */
  readonly receipts: readonly LedgerEvent[];
  readonly suppliers: readonly Supplier[];
  /** Purchase orders (any product's; only this product's lines of sent ones are read). */
  readonly orders?: readonly PurchaseOrder[];
  /** The product whose lines of `orders` are read. */
  readonly productId?: string;
}): PriceEntry[] {
  const byId = new Map(input.suppliers.map((s) => [s.id, s]));
  const byName = new Map(input.suppliers.map((s) => [matchKey(s.name), s]));
  const out: PriceEntry[] = input.prices.map((p) => ({
    on: p.updatedOn,
    supplier: byId.get(p.supplierId)?.name ?? 'Unknown supplier',
    supplierId: p.supplierId,
    unitCostMicros: p.unitCostMicros,
    source: 'price list',
    reference: p.supplierSku,
  }));
  for (const order of input.orders ?? []) {
    if (order.status !== 'sent' || order.sentAt === null) continue;
    const known = byName.get(matchKey(order.supplier));
    for (const line of order.lines.filter((l) => l.productId === input.productId))
      out.push({
        on: order.sentAt.slice(0, 10),
        supplier: known?.name ?? order.supplier,
        supplierId: known?.id ?? null,
        unitCostMicros: line.unitCostMicros,
        source: 'order',
        reference: order.reference,
      });
  }
  const lines = new Set<string>();
  const voided = new Set(input.receipts.flatMap((e) => (e.correctsId ? [e.correctsId] : [])));
  for (const e of input.receipts) {
    const cost = e.payload.unitCostMicros;
    if (e.type !== 'receive' || e.correctsId !== null || voided.has(e.id) || typeof cost !== 'number')
      continue;
    const line = `${String(e.payload.receiptId ?? e.id)}|${String(e.payload.lineId ?? e.lotId)}`;
    if (lines.has(line)) continue;
    lines.add(line);
    const typed = typeof e.payload.supplier === 'string' ? e.payload.supplier : '';
    const known = byName.get(matchKey(typed));
    out.push({
      on: e.deviceTime.slice(0, 10),
      supplier: known?.name ?? typed,
      supplierId: known?.id ?? null,
      unitCostMicros: cost,
      source: 'receipt',
      reference: typeof e.payload.purchaseOrder === 'string' ? e.payload.purchaseOrder : '',
    });
  }
  return out.sort((a, b) => b.on.localeCompare(a.on) || a.supplier.localeCompare(b.supplier));
}
