/**
 * What the integration API says about purchase orders and receipts (SPEC [PO5]), so an accounting
 * system can match a supplier's invoice to what arrived: pure builders over the stored orders
 * (records), the `receive` events and the lots that give each event its product.
 *
 * - A receipt is the events one confirmation wrote (`payload.receiptId`); its invoice is the sum
 *   of its lines' `lineInvoiceCents`, each line counted once though a split writes one event per
 *   location; its value is Σ lineCostCents(quantity, unit cost) of its events.
 * - A receive voided by a correction is listed with `voided: true` and counts nowhere.
 * - An order's status and per-line received / short / over follow from its receipts (`orderProgress`,
 *   [RC3]); a receipt whose lot is not on the server yet is named in `unattributedEventIds`.
 *
 * Example: receipt R, Botox line split 6 vials Main + 5 Harbor, invoice $5,400.00 →
 *   { receiptId: R, invoiceCents: 540_000, lines: [two events, same lineId], valueCents: 540_000 }.
 */
import type { LedgerEvent, Lot, PurchaseOrder } from '../../../src/domain/model';
import { lineCostCents } from '../../../src/domain/money';
import {
  lineTotalCents,
  orderIdOf,
  orderProgress,
  orderTotalCents,
  type OrderStatus,
} from '../../../src/domain/purchasing';

export interface ReceiptLineView {
  eventId: string;
  lineId: string | null;
  lotId: string;
  productId: string | null;
  lotNumber: string | null;
  expiry: string | null;
  locationId: string;
  quantityMilli: number;
  unitCostMicros: number | null;
  lineInvoiceCents: number | null;
  lineFreeMilli: number | null;
  serials: string[];
  voided: boolean;
}

export interface ReceiptView {
  receiptId: string;
  purchaseOrderId: string | null;
  purchaseOrder: string;
  supplier: string;
  deviceTime: string;
  actorId: string;
  invoiceCents: number;
  valueCents: number;
  lines: ReceiptLineView[];
}

export interface OrderLineView {
  productId: string;
  packs: number;
  orderedMilli: number;
  receivedMilli: number;
  shortMilli: number;
  overMilli: number;
  unitCostMicros: number | null;
  lineTotalCents: number | null;
  expectedOn: string | null;
}

export interface OrderView {
  id: string;
  reference: string;
  supplier: string;
  locationId: string;
  status: OrderStatus;
  orderedOn: string;
  sentAt: string | null;
  note: string;
  totalCents: number;
  lines: OrderLineView[];
  receiptIds: string[];
  unattributedEventIds: string[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

export function voidedIds(corrections: readonly Pick<LedgerEvent, 'correctsId'>[]): Set<string> {
  return new Set(corrections.flatMap((c) => (c.correctsId ? [c.correctsId] : [])));
}

/** The receive events grouped into receipts, in the order their first event was stored. */
export function receiptViews(
  receives: readonly LedgerEvent[],
  voided: ReadonlySet<string>,
  lots: ReadonlyMap<string, Lot>,
): ReceiptView[] {
  const byReceipt = new Map<string, ReceiptView>();
  const invoiced = new Map<string, Set<string>>();
  for (const e of receives) {
    const receiptId = str(e.payload.receiptId) ?? e.id;
    const lot = lots.get(e.lotId);
    const unitCostMicros = num(e.payload.unitCostMicros) ?? lot?.unitCostMicros ?? null;
    const line: ReceiptLineView = {
      eventId: e.id,
      lineId: str(e.payload.lineId),
      lotId: e.lotId,
      productId: lot?.productId ?? null,
      lotNumber: lot?.lotNumber ?? null,
      expiry: lot?.expiry ?? null,
      locationId: e.locationId,
      quantityMilli: e.quantityMilli,
      unitCostMicros,
      lineInvoiceCents: num(e.payload.lineInvoiceCents),
      lineFreeMilli: num(e.payload.lineFreeMilli),
      serials: (str(e.payload.serials) ?? '').split(' ').filter((s) => s !== ''),
      voided: voided.has(e.id),
    };
    let receipt = byReceipt.get(receiptId);
    if (!receipt) {
      receipt = {
        receiptId,
        purchaseOrderId: orderIdOf(e),
        purchaseOrder: str(e.payload.purchaseOrder) ?? '',
        supplier: str(e.payload.supplier) ?? '',
        deviceTime: e.deviceTime,
        actorId: e.actorId,
        invoiceCents: 0,
        valueCents: 0,
        lines: [],
      };
      byReceipt.set(receiptId, receipt);
      invoiced.set(receiptId, new Set());
    }
    receipt.lines.push(line);
    if (line.voided) continue;
    if (unitCostMicros !== null) receipt.valueCents += lineCostCents(e.quantityMilli, unitCostMicros);
    const seen = invoiced.get(receiptId) as Set<string>;
    const invoiceKey = line.lineId ?? e.id;
    if (line.lineInvoiceCents !== null && !seen.has(invoiceKey)) {
      seen.add(invoiceKey);
      receipt.invoiceCents += line.lineInvoiceCents;
    }
  }
  return [...byReceipt.values()];
}

/** An order with what its (not voided) receipts brought, per line. */
export function orderView(order: PurchaseOrder, receipts: readonly ReceiptView[]): OrderView {
  const mine = receipts.filter((r) => r.purchaseOrderId === order.id);
  const lines = mine.flatMap((r) => r.lines.filter((l) => !l.voided));
  const attributed = lines.flatMap((l) =>
    l.productId ? [{ productId: l.productId, quantityMilli: l.quantityMilli }] : [],
  );
  const progress = orderProgress(order.status, order.lines, attributed);
  const ordered = new Map(order.lines.map((l) => [l.productId, l]));
  return {
    id: order.id,
    reference: order.reference,
    supplier: order.supplier,
    locationId: order.locationId,
    status: progress.status,
    orderedOn: order.orderedOn,
    sentAt: order.sentAt,
    note: order.note,
    totalCents: orderTotalCents(order),
    lines: progress.lines.map((p) => {
      const line = ordered.get(p.productId);
      return {
        productId: p.productId,
        packs: line?.packs ?? 0,
        orderedMilli: p.orderedMilli,
        receivedMilli: p.receivedMilli,
        shortMilli: p.shortMilli,
        overMilli: p.overMilli,
        unitCostMicros: line?.unitCostMicros ?? null,
        lineTotalCents: line ? lineTotalCents(line) : null,
        expectedOn: line?.expectedOn ?? null,
      };
    }),
    receiptIds: mine.map((r) => r.receiptId),
    unattributedEventIds: lines.filter((l) => !l.productId).map((l) => l.eventId),
  };
}
