/**
 * The integration API's answers (how an EMR or accounting system reads Chairside): stock with its
 * value, a visit's cost of goods, and a recall's reach. Read-only; the device's organization scopes
 * everything ([S2]). Money follows the domain: value = lineCostCents(onHand, unitCost) per row, COGS
 * from visitSummary ([M2], [C1]-[C3]).
 */
import { negativeBalances } from '../../../src/domain/alerts/discrepancy';
import { hasValidCheckDigit, padToGtin14 } from '../../../src/domain/barcode/gtin';
import type { CogsLine } from '../../../src/domain/cogs/visit';
import { visitSummary } from '../../../src/domain/cogs/visit';
import type { LedgerEvent, Lot, Product, Visit } from '../../../src/domain/model';
import { lineCostCents } from '../../../src/domain/money';
import type {
  BalanceRow,
  IntegrationStore,
  ReceivedDraw,
  StockFilter,
  StockRow,
} from '../store/integration-store';
import type { AuthedDevice } from './auth';
import { orderView, receiptViews, voidedIds, type OrderView, type ReceiptView } from './purchasing-reads';
import { InputError } from './auth';

export interface StockLine extends StockRow {
  /** lineCostCents(onHandMilli, unitCostMicros); null when the lot is not on the server yet. */
  valueCents: number | null;
}

export interface VisitCogs {
  visitId: string;
  /** Location of the visit's first draw (by device time). */
  locationId: string;
  lines: CogsLine[];
  cogsCents: number;
  /** Draws whose lot is not on the server yet: left out of lines and COGS, never guessed. */
  unpricedEventIds: string[];
}

export interface RecallVisit {
  visitId: string;
  lotId: string;
  locationId: string;
  /** Base-unit thousandths the visit received from the lot (positive). */
  quantityMilli: number;
  /** Device time of the visit's first draw from the lot. */
  deviceTime: string;
  eventIds: string[];
}

export interface Recall {
  gtin: string;
  lotNumber: string;
  products: Pick<Product, 'id' | 'name' | 'manufacturer' | 'gtins'>[];
  lots: Pick<Lot, 'id' | 'productId' | 'lotNumber' | 'expiry' | 'status'>[];
  visits: RecallVisit[];
  onHand: BalanceRow[];
}

/** "8", "12", "13" or "14" digits → the GTIN-14, or InputError('gtin') when the check digit is wrong ([B6]). */
export function normalizeGtin(text: string): string {
  const gtin14 = padToGtin14(text);
  if (!gtin14) throw new InputError('gtin', 'gtin must be 8, 12, 13 or 14 digits');
  if (!hasValidCheckDigit(gtin14)) throw new InputError('gtin', `gtin ${text} has a wrong check digit`);
  return gtin14;
}

/** Earliest by device time, then id: the order visitSummary gives its lines. */
function firstDraw(events: readonly LedgerEvent[]): LedgerEvent | undefined {
  return [...events].sort(
    (a, b) => Date.parse(a.deviceTime) - Date.parse(b.deviceTime) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )[0];
}

/**
 * Draws grouped per visit × lot, in the order of their first draw. Example: draws of 10 U and 5 U
 * in visit v1 and 20 U in v2 from lot L → [{ v1, L, 15_000 }, { v2, L, 20_000 }].
 */
export function groupByVisit(draws: readonly ReceivedDraw[]): RecallVisit[] {
  const byKey = new Map<string, RecallVisit>();
  for (const d of draws) {
    const key = `${d.visitId}|${d.lotId}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.quantityMilli += d.quantityMilli;
      seen.eventIds.push(d.eventId);
    } else {
      byKey.set(key, { ...d, eventIds: [d.eventId] });
    }
  }
  return [...byKey.values()].map(({ visitId, lotId, locationId, quantityMilli, deviceTime, eventIds }) => ({
    visitId,
    lotId,
    locationId,
    quantityMilli,
    deviceTime,
    eventIds,
  }));
}

export class IntegrationService {
  constructor(private readonly store: IntegrationStore) {}

  /** Stock lines, and those below zero again as `discrepancies` ([AL1]), largest shortfall first. */
  async stock(
    device: AuthedDevice,
    filter: StockFilter,
  ): Promise<{ stock: StockLine[]; discrepancies: StockLine[] }> {
    const rows = await this.store.stock(device.orgId, filter);
    const stock = rows.map((r) => ({
      ...r,
      // A balance past 2^53 (BigInt, written before the bounds of [Q4]) has no exact number value.
      valueCents:
        r.unitCostMicros === null || !Number.isSafeInteger(r.onHandMilli)
          ? null
          : lineCostCents(r.onHandMilli, r.unitCostMicros),
    }));
    return { stock, discrepancies: negativeBalances(stock) };
  }

  /** Null when the organization has no draw naming the visit (unknown, or another organization's). */
  async visitCogs(device: AuthedDevice, visitId: string): Promise<VisitCogs | null> {
    const events = await this.store.visitDraws(device.orgId, visitId);
    const first = firstDraw(events);
    if (!first) return null;
    const lots = await this.store.lots(device.orgId, [...new Set(events.map((e) => e.lotId))]);
    const products = await this.store.products(device.orgId, [...new Set(lots.map((l) => l.productId))]);
    // The visit record itself is not on the server yet: the summary needs only id and org; the
    // rest is taken from the first draw, and no price is known ([C3] margin stays null).
    const visit: Visit = {
      id: visitId,
      orgId: device.orgId,
      locationId: first.locationId,
      patientChartRef: '',
      providerId: first.actorId,
      treatmentAreas: [],
      priceChargedCents: null,
      startedAt: first.deviceTime,
      deviceId: first.deviceId,
    };
    const summary = visitSummary({
      visit,
      events,
      lots: new Map(lots.map((l) => [l.id, l])),
      products: new Map(products.map((p) => [p.id, p])),
    });
    return {
      visitId,
      locationId: first.locationId,
      lines: summary.lines,
      cogsCents: summary.cogsCents,
      unpricedEventIds: summary.unpricedEventIds,
    };
  }

  async recall(device: AuthedDevice, gtin: string, lotNumber: string): Promise<Recall> {
    const gtin14 = normalizeGtin(gtin);
    const products = await this.store.productsByGtin(device.orgId, gtin14);
    const lots =
      products.length === 0
        ? []
        : await this.store.lotsByNumber(
            device.orgId,
            products.map((p) => p.id),
            lotNumber,
          );
    const lotIds = lots.map((l) => l.id);
    const [draws, onHand] =
      lotIds.length === 0
        ? [[], []]
        : await Promise.all([
            this.store.receivedDraws(device.orgId, lotIds),
            this.store.balances(device.orgId, lotIds),
          ]);
    return {
      gtin: gtin14,
      lotNumber,
      products: products.map(({ id, name, manufacturer, gtins }) => ({ id, name, manufacturer, gtins })),
      lots: lots.map(({ id, productId, lotNumber: number, expiry, status }) => ({
        id,
        productId,
        lotNumber: number,
        expiry,
        status,
      })),
      visits: groupByVisit(draws),
      onHand,
    };
  }

  /** Receipts, optionally only those against one order ([PO5]). */
  async receipts(device: AuthedDevice, purchaseOrderId: string | null): Promise<ReceiptView[]> {
    const receives = await this.store.receives(device.orgId, purchaseOrderId);
    if (receives.length === 0) return [];
    const [corrections, lots] = await Promise.all([
      this.store.corrections(
        device.orgId,
        receives.map((e) => e.id),
      ),
      this.store.lots(device.orgId, [...new Set(receives.map((e) => e.lotId))]),
    ]);
    return receiptViews(receives, voidedIds(corrections), new Map(lots.map((l) => [l.id, l])));
  }

  /** Purchase orders with their status and per-line progress from the receipts ([PO5], [RC3]). */
  async purchaseOrders(
    device: AuthedDevice,
    filter: { id: string | null; status: string | null },
  ): Promise<OrderView[]> {
    const orders = await this.store.purchaseOrders(device.orgId, filter.id);
    if (orders.length === 0) return [];
    const receipts = await this.receipts(device, filter.id);
    const views = orders.map((o) => orderView(o, receipts));
    return filter.status ? views.filter((v) => v.status === filter.status) : views;
  }
}
