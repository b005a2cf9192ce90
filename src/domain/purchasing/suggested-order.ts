/**
 * A suggested order ([PO6]): drafts pre-filled from the products below their minimum stock, one
 * draft per supplier. Pure; the screen passes what is on hand and on order, and stores the drafts.
 *
 * - A product counts when it is not archived, has a minimum stock, and on hand + still on order
 *   (the short lines of sent orders) is below that minimum.
 * - It orders the product's reorder quantity; without one (0), enough to reach twice the minimum.
 *   Either is rounded up to whole packs ([RC1]).
 * - The supplier is the preferred supplier (a `suppliers` record, by name), else the product's
 *   supplier text, else "Unassigned". The cost per base unit is that supplier's latest price, else
 *   the last price ordered, else 0 (to be entered).
 *
 * Worked example: Botox 100 U vials, min 300 U, reorder 0, on hand 120 U, on order 0 →
 *   want 2 × 300 − 120 = 480 U → 5 vials = 500 U; preferred supplier "Allergan", latest price
 *   $6.40/U → Allergan draft, line 5 packs, 500_000, 6_400_000 µ$/U.
 */
import type { Product, PurchaseOrderLine } from '../model';
import { packQuantityMilli } from './packs';

export interface SuggestionInput {
  products: readonly Product[];
  /** On hand per product at the ordering location, base-unit thousandths (absent: 0). */
  onHandMilli: ReadonlyMap<string, number>;
  /** Still to come per product on sent orders for that location (absent: 0). */
  onOrderMilli: ReadonlyMap<string, number>;
  /** Supplier names by supplier id. */
  supplierNames: ReadonlyMap<string, string>;
  /** Latest price per base unit by `${supplierId}|${productId}`. */
  supplierPrices: ReadonlyMap<string, number>;
  /** The last cost per base unit this clinic ordered each product at. */
  lastOrderedCost: ReadonlyMap<string, number>;
}

export interface SuggestedDraft {
  supplier: string;
  supplierId: string | null;
  lines: PurchaseOrderLine[];
}

export const UNASSIGNED_SUPPLIER = 'Unassigned';

function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}

/** The line to order for `product`, or null when it is not below its minimum. */
export function suggestedLine(product: Product, input: SuggestionInput): PurchaseOrderLine | null {
  if (product.archived || product.minStockMilli <= 0) return null;
  const have = (input.onHandMilli.get(product.id) ?? 0) + (input.onOrderMilli.get(product.id) ?? 0);
  if (have >= product.minStockMilli) return null;
  const want =
    product.reorderQuantityMilli > 0 ? product.reorderQuantityMilli : 2 * product.minStockMilli - have;
  const perPack = packQuantityMilli(product);
  const packs = Math.max(ceilDiv(want, perPack), 1);
  const supplierId = product.preferredSupplierId;
  const price = supplierId === null ? undefined : input.supplierPrices.get(`${supplierId}|${product.id}`);
  return {
    productId: product.id,
    packs,
    quantityMilli: packs * perPack,
    unitCostMicros: price ?? input.lastOrderedCost.get(product.id) ?? 0,
    expectedOn: null,
  };
}

/** Drafts by supplier (sorted by name), their lines in the products' order. */
export function suggestedOrder(input: SuggestionInput): SuggestedDraft[] {
  const drafts = new Map<string, SuggestedDraft>();
  for (const product of input.products) {
    const line = suggestedLine(product, input);
    if (!line) continue;
    const id = product.preferredSupplierId;
    const named = id === null ? undefined : input.supplierNames.get(id);
    const supplier = named ?? (product.supplier.trim() || UNASSIGNED_SUPPLIER);
    const draft = drafts.get(supplier) ?? { supplier, supplierId: named ? id : null, lines: [] };
    draft.lines.push(line);
    drafts.set(supplier, draft);
  }
  return [...drafts.values()].sort((a, b) => a.supplier.localeCompare(b.supplier));
}
