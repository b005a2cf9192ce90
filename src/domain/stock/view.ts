/**
 * The Stock screen's read model (SPEC [ST3]–[ST5]): lots grouped by product, the balance of each
 * at the chosen location(s), value on hand, totals, and which lots are used up.
 *
 * A lot is *in stock* in a scope when any of its balances there is not zero (a balance below zero
 * is a discrepancy to count, not a used-up lot); otherwise it is *used up* and belongs to the
 * History view. Products are in name order (numbers as numbers). In stock, a product's lots are in FEFO order (soonest expiry, first received, lot
 * number, id — the order [F1] would use them); in History the most recent expiry comes first.
 *
 * Value of a lot = on hand × unit cost, exact in integers and rounded half-even to the cent once
 * (lineCostCents, [M2]); nothing below zero is valued. A product's value and the grand total are
 * sums of those rounded lot values, so the figures on screen add up. With "All locations", a lot's
 * on hand is the sum over the locations and is valued once.
 *
 * Worked example (demo, Main St): Botox C8123AC4 100 U at $6.50/U → $650.00; C8377AD2 300 U at
 * $6.80/U → $2,040.00; Botox total 400 U, $2,690.00. Dysport P47512 300 U at $1.966667/U =
 * 590.0001 → $590.00, shown as "$1.97 / U". At Harbor, C8377AD2 is 200 U → $1,360.00; with "All",
 * 500 U → $3,400.00 split Main St 300 U, Harbor 200 U.
 */
import { lineCostCents, sumCents } from '../money';
import type { Lot, Product } from '../model';
import { sumQuantities } from '../quantity';
import { EXPIRING_SOON_DAYS, lotState, type LotState } from './lot-state';

export type StockListView = 'in_stock' | 'history';

export interface StockBalanceInput {
  lotId: string;
  locationId: string;
  onHandMilli: number;
  /** First receipt at that location (ISO timestamp), when known: FEFO's tie-break. */
  firstReceivedAt?: string | null;
}

export interface LocationQuantity {
  locationId: string;
  onHandMilli: number;
}

export interface StockLotRow {
  lot: Lot;
  onHandMilli: number;
  /** On hand at each chosen location, in the order they were given (zero where none). */
  byLocation: LocationQuantity[];
  valueCents: number;
  state: LotState;
}

export interface ProductStockGroup {
  product: Product;
  lots: StockLotRow[];
  onHandMilli: number;
  valueCents: number;
}

export interface StockView {
  products: ProductStockGroup[];
  valueCents: number;
  /** Lots in stock / used up in this scope (both views' counts, whichever is shown). */
  counts: Record<StockListView, number>;
}

interface LotTotals {
  onHandMilli: number;
  inStock: boolean;
  firstReceivedAt: string | null;
}

function totalsByLot(balances: readonly StockBalanceInput[]): Map<string, LotTotals> {
  const byLot = new Map<string, LotTotals>();
  for (const b of balances) {
    const t = byLot.get(b.lotId) ?? { onHandMilli: 0, inStock: false, firstReceivedAt: null };
    t.onHandMilli = sumQuantities([t.onHandMilli, b.onHandMilli]);
    t.inStock = t.inStock || b.onHandMilli !== 0;
    const received = b.firstReceivedAt ?? null;
    if (received !== null && (t.firstReceivedAt === null || received < t.firstReceivedAt))
      t.firstReceivedAt = received;
    byLot.set(b.lotId, t);
  }
  return byLot;
}

/**
 * The lots a view shows, from balances alone (so only those lots need reading), and both counts.
 * `balances` are the scope's: every balance at the chosen location(s).
 */
export function pickLots(
  balances: readonly StockBalanceInput[],
  view: StockListView,
): { lotIds: string[]; counts: Record<StockListView, number> } {
  const lotIds: string[] = [];
  const counts = { in_stock: 0, history: 0 };
  for (const [lotId, t] of totalsByLot(balances)) {
    const kind: StockListView = t.inStock ? 'in_stock' : 'history';
    counts[kind] += 1;
    if (kind === view) lotIds.push(lotId);
  }
  return { lotIds, counts };
}

export interface StockViewInput {
  products: readonly Product[];
  /** At least the lots `pickLots` named for this view; others are ignored. */
  lots: readonly Lot[];
  balances: readonly StockBalanceInput[];
  /** The chosen location(s), in the order the split is shown. */
  locationIds: readonly string[];
  view: StockListView;
  today: string;
  soonDays?: number;
}

function fefoOrder(totals: Map<string, LotTotals>) {
  return (a: StockLotRow, b: StockLotRow): number =>
    a.lot.expiry.localeCompare(b.lot.expiry) ||
    (totals.get(a.lot.id)?.firstReceivedAt ?? '').localeCompare(
      totals.get(b.lot.id)?.firstReceivedAt ?? '',
    ) ||
    a.lot.lotNumber.localeCompare(b.lot.lotNumber) ||
    a.lot.id.localeCompare(b.lot.id);
}

function latestFirst(a: StockLotRow, b: StockLotRow): number {
  return b.lot.expiry.localeCompare(a.lot.expiry) || a.lot.lotNumber.localeCompare(b.lot.lotNumber);
}

function splitOf(balances: readonly StockBalanceInput[], locationIds: readonly string[]) {
  const at = new Map<string, Map<string, number>>();
  for (const b of balances) {
    const lot = at.get(b.lotId) ?? new Map<string, number>();
    lot.set(b.locationId, b.onHandMilli);
    at.set(b.lotId, lot);
  }
  return (lotId: string): LocationQuantity[] =>
    locationIds.map((locationId) => ({ locationId, onHandMilli: at.get(lotId)?.get(locationId) ?? 0 }));
}

/** Product names with numbers in them sort as a person reads them: "Toxin 2" before "Toxin 10". */
const byName = new Intl.Collator('en', { numeric: true });

export function buildStockView(input: StockViewInput): StockView {
  const scope = new Set(input.locationIds);
  const balances = input.balances.filter((b) => scope.has(b.locationId));
  const totals = totalsByLot(balances);
  const { lotIds, counts } = pickLots(balances, input.view);
  const wanted = new Set(lotIds);
  const split = splitOf(balances, input.locationIds);
  const rowsByProduct = new Map<string, StockLotRow[]>();
  for (const lot of input.lots) {
    const t = totals.get(lot.id);
    if (!wanted.has(lot.id) || !t) continue;
    const rows = rowsByProduct.get(lot.productId) ?? [];
    rows.push({
      lot,
      onHandMilli: t.onHandMilli,
      byLocation: split(lot.id),
      valueCents: lineCostCents(Math.max(0, t.onHandMilli), lot.unitCostMicros),
      state: lotState(lot, t.onHandMilli, input.today, input.soonDays ?? EXPIRING_SOON_DAYS),
    });
    rowsByProduct.set(lot.productId, rows);
  }
  const order = input.view === 'in_stock' ? fefoOrder(totals) : latestFirst;
  const products = input.products
    .filter((p) => rowsByProduct.has(p.id))
    .sort((a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id))
    .map((product) => {
      const lots = (rowsByProduct.get(product.id) ?? []).sort(order);
      return {
        product,
        lots,
        onHandMilli: sumQuantities(lots.map((r) => r.onHandMilli)),
        valueCents: sumCents(lots.map((r) => r.valueCents)),
      };
    });
  return { products, valueCents: sumCents(products.map((p) => p.valueCents)), counts };
}

/**
 * A unit cost shown to the cent ([ST3]): the cost of one whole unit, rounded half-even like any
 * line ($1.966667/U → 197 cents). The exact micros stay on the lot and in every value.
 */
export function unitCostCents(unitCostMicros: number): number {
  return lineCostCents(1000, unitCostMicros);
}
