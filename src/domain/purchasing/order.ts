/**
 * Editing a purchase order ([PO1]-[PO3]), pure: lines in packs and base units, totals, sending and
 * cancelling. The screen keeps the order and stores what these return.
 *
 * - A line ordered in packs keeps `quantityMilli = packs × pack quantity` ([RC1]); a line typed in
 *   base units keeps the whole packs it holds (`packs`), the rest ordered loose.
 * - Totals are never stored: line = `lineCostCents(quantityMilli, unitCostMicros)`, order = sum.
 * - Sending needs a supplier, a PO number and at least one line; it stamps `sentAt`. A draft or a
 *   sent order may be cancelled; a cancelled one stays cancelled.
 *
 * Worked example (Juvéderm: 1 mL syringes, 2 per carton, agreed $300.00/mL = 300_000_000 µ$):
 *   setLinePacks(line, 3) → packs 3, quantityMilli 6_000; total 6 mL × $300.00 = 180_000 ¢.
 */
import type { PurchaseOrder, PurchaseOrderLine } from '../model';
import { lineCostCents, sumCents } from '../money';
import { baseMilliToPacks, packsToBaseMilli, type PackShape } from './packs';

export type OrderProblem = { line: number | null; message: string };

/** An order line for `productId`: `packs` whole packs at the agreed cost per base unit. */
export function orderLine(
  productId: string,
  shape: PackShape,
  packs: number,
  unitCostMicros: number,
  expectedOn: string | null = null,
): PurchaseOrderLine {
  return { productId, packs, quantityMilli: packsToBaseMilli(packs, shape), unitCostMicros, expectedOn };
}

/** The line ordered as `packs` whole packs. */
export function setLinePacks(line: PurchaseOrderLine, shape: PackShape, packs: number): PurchaseOrderLine {
  return { ...line, packs, quantityMilli: packsToBaseMilli(packs, shape) };
}

/** The line ordered as `quantityMilli` base units (whole packs counted, the rest loose). */
export function setLineQuantity(
  line: PurchaseOrderLine,
  shape: PackShape,
  quantityMilli: number,
): PurchaseOrderLine {
  return { ...line, quantityMilli, packs: Math.max(baseMilliToPacks(quantityMilli, shape).packs, 0) };
}

export function lineTotalCents(line: Pick<PurchaseOrderLine, 'quantityMilli' | 'unitCostMicros'>): number {
  return lineCostCents(line.quantityMilli, line.unitCostMicros);
}

export function orderTotalCents(order: Pick<PurchaseOrder, 'lines'>): number {
  return sumCents(order.lines.map(lineTotalCents));
}

/** What stops this order from being sent (empty: it may be sent). */
export function sendProblems(order: PurchaseOrder): OrderProblem[] {
  const problems: OrderProblem[] = [];
  if (order.status !== 'draft') problems.push({ line: null, message: `This order is ${order.status}.` });
  if (order.supplier.trim() === '') problems.push({ line: null, message: 'Name the supplier.' });
  if (order.reference.trim() === '') problems.push({ line: null, message: 'Give the PO number.' });
  if (order.lines.length === 0) problems.push({ line: null, message: 'Add at least one product.' });
  order.lines.forEach((l, i) => {
    if (!Number.isSafeInteger(l.quantityMilli) || l.quantityMilli < 1)
      problems.push({ line: i, message: `Line ${i + 1}: order at least one unit.` });
    if (l.expectedOn !== null && l.expectedOn < order.orderedOn)
      problems.push({ line: i, message: `Line ${i + 1}: expected before the order was started.` });
  });
  const ids = order.lines.map((l) => l.productId);
  if (new Set(ids).size !== ids.length)
    problems.push({ line: null, message: 'A product is on two lines: put it on one.' });
  return problems;
}

export type OrderChange = { ok: true; order: PurchaseOrder } | { ok: false; problems: OrderProblem[] };

/** The order sent at `sentAt` (device time), or why it cannot be. */
export function sendOrder(order: PurchaseOrder, sentAt: string): OrderChange {
  const problems = sendProblems(order);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    order: {
      ...order,
      supplier: order.supplier.trim(),
      reference: order.reference.trim(),
      status: 'sent',
      sentAt,
    },
  };
}

export function cancelOrder(order: PurchaseOrder): OrderChange {
  if (order.status === 'cancelled')
    return { ok: false, problems: [{ line: null, message: 'This order is already cancelled.' }] };
  return { ok: true, order: { ...order, status: 'cancelled' } };
}
