/**
 * How each supplier actually performed ([PO7]), from what happened: the orders sent to it and the
 * `receive` events against them. Per supplier (orders matched to a supplier record by name, accents
 * and case aside):
 *
 * - sent: orders sent (not drafts, not cancelled); delivered: those with at least one receipt;
 * - on time / late: a delivered order's first receipt day vs its due day — the earliest line's
 *   `expectedOn`, else the day sent + the supplier's lead time; orders with neither are not judged;
 * - lead time: promised (the supplier record's days) vs actual, the median whole days from the day
 *   sent to the first receipt;
 * - short: delivered orders with a line still short of what was ordered;
 * - price changes: for each product, consecutive sent orders (by day sent) whose agreed cost per
 *   unit differs, oldest first.
 *
 * Worked example: McKesson, lead time 3 days. Order A sent 2026-11-02, line Botox 1_000 U at
 * $5.90/U expected 2026-11-05, received 2026-11-04 (1_000 U); order B sent 2026-11-10 at $6.10/U,
 * nothing expected, received 2026-11-16 (600 of 1_000 U) →
 *   sent 2, delivered 2, on time 1 (A: 11-04 ≤ 11-05), late 1 (B: 11-16 > 11-10 + 3 days), lead
 *   time promised 3, actual median of [2, 6] = 4, short 1 (B), price changes
 *   [{ Botox, 5_900_000 → 6_100_000 on 2026-11-10 }].
 */
import { addDays, daysBetween } from '../dates';
import type { PurchaseOrder, Supplier } from '../model';
import { matchKey } from '../catalog/text-match';
import { orderProgress, type ReceivedAgainstOrder } from './po-progress';

export interface Delivery extends ReceivedAgainstOrder {
  /** The receive event's device time (ISO). */
  at: string;
}

export interface PriceChange {
  productId: string;
  fromMicros: number;
  toMicros: number;
  /** The day the order at the new price was sent. */
  on: string;
}

export interface SupplierPerformance {
  supplier: string;
  supplierId: string | null;
  sent: number;
  delivered: number;
  onTime: number;
  late: number;
  promisedLeadDays: number | null;
  actualLeadDays: number | null;
  short: number;
  priceChanges: PriceChange[];
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

function dueDay(order: PurchaseOrder, sentOn: string, leadDays: number | null): string | null {
  const expected = order.lines.flatMap((l) => (l.expectedOn ? [l.expectedOn] : [])).sort();
  if (expected[0]) return expected[0];
  return leadDays === null ? null : addDays(sentOn, leadDays);
}

function priceChanges(orders: readonly PurchaseOrder[]): PriceChange[] {
  const last = new Map<string, number>();
  const changes: PriceChange[] = [];
  const bySent = [...orders].sort((a, b) => (a.sentAt ?? '').localeCompare(b.sentAt ?? ''));
  for (const order of bySent)
    for (const line of order.lines) {
      const before = last.get(line.productId);
      if (before !== undefined && before !== line.unitCostMicros)
        changes.push({
          productId: line.productId,
          fromMicros: before,
          toMicros: line.unitCostMicros,
          on: (order.sentAt ?? '').slice(0, 10),
        });
      last.set(line.productId, line.unitCostMicros);
    }
  return changes;
}

export function supplierPerformance(
  orders: readonly PurchaseOrder[],
  deliveries: ReadonlyMap<string, readonly Delivery[]>,
  suppliers: readonly Supplier[],
): SupplierPerformance[] {
  const known = new Map(suppliers.map((s) => [matchKey(s.name), s]));
  const groups = new Map<string, PurchaseOrder[]>();
  for (const order of orders) {
    if (order.status !== 'sent' || order.sentAt === null) continue;
    const key = matchKey(order.supplier);
    groups.set(key, [...(groups.get(key) ?? []), order]);
  }
  return [...groups.entries()]
    .map(([key, sent]) => {
      const record = known.get(key) ?? null;
      const leadDays = record?.leadTimeDays ?? null;
      const out: SupplierPerformance = {
        supplier: record?.name ?? sent[0]!.supplier,
        supplierId: record?.id ?? null,
        sent: sent.length,
        delivered: 0,
        onTime: 0,
        late: 0,
        promisedLeadDays: leadDays,
        actualLeadDays: null,
        short: 0,
        priceChanges: priceChanges(sent),
      };
      const leads: number[] = [];
      for (const order of sent) {
        const got = deliveries.get(order.id) ?? [];
        if (got.length === 0) continue;
        out.delivered += 1;
        const sentOn = (order.sentAt ?? '').slice(0, 10);
        const firstOn = got.map((d) => d.at.slice(0, 10)).sort()[0]!;
        leads.push(daysBetween(sentOn, firstOn));
        const due = dueDay(order, sentOn, leadDays);
        if (due !== null) {
          if (firstOn <= due) out.onTime += 1;
          else out.late += 1;
        }
        if (orderProgress('sent', order.lines, got).lines.some((l) => l.shortMilli > 0)) out.short += 1;
      }
      out.actualLeadDays = median(leads);
      return out;
    })
    .sort((a, b) => a.supplier.localeCompare(b.supplier));
}
