/**
 * Confirming a scanned receipt ([RC7]): checks every line, then builds the new lots and one
 * `receive` event per lot and location. Nothing is built while any line has a problem, so a
 * receipt is stored whole or not at all.
 *
 * Each event's payload carries the supplier, the PO reference (and the order's id when received
 * against one, [PO3]), the receipt and line it belongs to,
 * the line's invoice and free goods, the cost per unit and the serials of the cartons that went
 * to that location (space-separated: GS1 serials never contain a space).
 *
 * Worked example: 11 Botox vials (100 U) at $540.00 each with 1 free, split 6 Main St / 5 Harbor →
 *   invoice 10 × 54_000 ¢ = 540_000 ¢ over 1_100 U → 4_909_091 µ$/U (rounding 0 ¢);
 *   events: receive 600_000 at Main St, receive 500_000 at Harbor, both at 4_909_091 µ$/U.
 */
import { buildLot } from '../catalog/lot-draft';
import type { LedgerEvent, Lot, Product } from '../model';
import { receiptCost, type ReceiptCost } from '../purchasing/receipt-cost';
import { lineCostCents } from '../money';
import type { ReceiptDraft, ReceiptLine } from './draft';

export interface Allocation {
  locationId: string;
  containers: number;
}

export interface ReceiptHeader {
  orgId: string;
  supplier: string;
  /** The PO number as printed, or '' for a receipt without one. */
  purchaseOrder: string;
  /** The purchase order received against ([PO3]), or null: its status follows from these events. */
  purchaseOrderId?: string | null;
  /** Where the stock goes unless a line is split. */
  locationId: string;
  /** Per line key: how its containers are split across locations (sums to the line's count). */
  splits: ReadonlyMap<string, readonly Allocation[]>;
  /** The expired and short-dated lines were shown and accepted. */
  warningsAccepted: boolean;
}

export interface Stamp {
  receiptId: string;
  actorId: string;
  deviceId: string;
  deviceTime: string;
  newId: () => string;
}

export interface ConfirmedLine {
  line: ReceiptLine;
  cost: ReceiptCost;
}

export type ConfirmResult =
  | { ok: true; lots: Lot[]; events: LedgerEvent[]; lines: ConfirmedLine[]; totalCents: number }
  | { ok: false; problems: { key: string | null; message: string }[] };

function lineProblem(
  line: ReceiptLine,
  product: Product | undefined,
  split: readonly Allocation[],
): string | null {
  if (!product) return 'its product is no longer in the catalog';
  if (!Number.isSafeInteger(line.containers) || line.containers < 1) return 'the count must be at least 1';
  if (line.priceCentsPerContainer === null) return 'enter its price from the invoice (0 for samples)';
  if (
    !Number.isSafeInteger(line.freeContainers) ||
    line.freeContainers < 0 ||
    line.freeContainers >= line.containers
  )
    return 'free containers must be fewer than those received';
  const allocated = split.reduce((sum, a) => sum + a.containers, 0);
  if (
    split.some((a) => !Number.isSafeInteger(a.containers) || a.containers < 0) ||
    allocated !== line.containers
  )
    return `the split adds up to ${allocated}, not ${line.containers}`;
  return null;
}

/** The serials of the cartons whose first container falls in each allocation, in scan order. */
function serialsBySplit(line: ReceiptLine, split: readonly Allocation[]): string[][] {
  const firsts: { serial: string; first: number }[] = [];
  let container = 0;
  for (const s of line.serials) {
    firsts.push({ serial: s.serial, first: container });
    container += s.containers;
  }
  let start = 0;
  return split.map((a) => {
    const mine = firsts
      .filter((c) => c.first >= start && c.first < start + a.containers)
      .map((c) => c.serial);
    start += a.containers;
    return mine;
  });
}

export function confirmReceipt(
  draft: ReceiptDraft,
  header: ReceiptHeader,
  products: ReadonlyMap<string, Product>,
  stamp: Stamp,
): ConfirmResult {
  const problems: { key: string | null; message: string }[] = [];
  if (draft.lines.length === 0) problems.push({ key: null, message: 'Scan or add at least one carton.' });
  if (header.supplier.trim() === '') problems.push({ key: null, message: 'Name the supplier.' });
  if (!header.warningsAccepted && draft.lines.some((l) => l.warnings.length > 0))
    problems.push({ key: null, message: 'Accept the expired or short-dated lots first, or remove them.' });
  const splitOf = (l: ReceiptLine) =>
    header.splits.get(l.key) ?? [{ locationId: header.locationId, containers: l.containers }];
  for (const line of draft.lines) {
    const problem = lineProblem(line, products.get(line.productId), splitOf(line));
    if (problem) problems.push({ key: line.key, message: `Lot ${line.lotNumber}: ${problem}.` });
  }
  if (problems.length > 0) return { ok: false, problems };

  const lots: Lot[] = [];
  const events: LedgerEvent[] = [];
  const confirmed: ConfirmedLine[] = [];
  for (const line of draft.lines) {
    const product = products.get(line.productId) as Product;
    const size = product.containerSizeMilli;
    const paid = line.containers - line.freeContainers;
    const invoiceCents = paid * (line.priceCentsPerContainer ?? 0);
    const cost = receiptCost({
      invoiceCents,
      paidQuantityMilli: paid * size,
      freeQuantityMilli: line.freeContainers * size,
    });
    confirmed.push({ line, cost });
    const lot = buildLot(
      { lotNumber: line.lotNumber, expiry: line.expiry, unitCostMicros: cost.unitCostMicros },
      product,
      null,
    );
    const lotId = line.existingLotId ?? lot.id;
    if (!line.existingLotId) lots.push(lot);
    const lineId = stamp.newId();
    const split = splitOf(line).filter((a) => a.containers > 0);
    const serials = serialsBySplit(line, split);
    split.forEach((a, i) => {
      events.push({
        id: stamp.newId(),
        orgId: header.orgId,
        type: 'receive',
        lotId,
        locationId: a.locationId,
        quantityMilli: a.containers * size,
        actorId: stamp.actorId,
        deviceId: stamp.deviceId,
        deviceTime: stamp.deviceTime,
        visitId: null,
        containerId: null,
        correctsId: null,
        payload: {
          supplier: header.supplier.trim(),
          purchaseOrder: header.purchaseOrder.trim(),
          ...(header.purchaseOrderId ? { purchaseOrderId: header.purchaseOrderId } : {}),
          receiptId: stamp.receiptId,
          lineId,
          lineInvoiceCents: invoiceCents,
          lineFreeMilli: line.freeContainers * size,
          unitCostMicros: cost.unitCostMicros,
          serials: (serials[i] ?? []).join(' '),
          // The carton read, so the server checks the lot id derived from it ([MD12]); a lot on
          // file under an older, non-derived id is named by its id alone.
          ...(lotId === lot.id ? { productId: product.id, lotNumber: line.lotNumber } : {}),
        },
      });
    });
  }
  const totalCents = confirmed.reduce(
    (sum, c) => sum + lineCostCents(c.cost.quantityMilli, c.cost.unitCostMicros),
    0,
  );
  return { ok: true, lots, events, lines: confirmed, totalCents };
}
