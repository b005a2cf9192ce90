/** A read model for the Stock screen: products with their lots and on-hand quantity per lot. */
import { combineLatest, map, type Observable } from 'rxjs';
import type { Lot, Product } from '../../domain/model';
import type { ChairsideDatabase } from '../collections';

export interface LotLine {
  lot: Lot;
  onHandMilli: number;
}

export interface ProductStock {
  product: Product;
  lots: LotLine[];
}

/**
 * Sums signed event quantities per lot across all locations. This scans the ledger, which is fine
 * at demo sizes; the materialized balances of the treatment flow replace it for the hot path.
 */
export function watchStock(db: ChairsideDatabase): Observable<ProductStock[]> {
  return combineLatest([db.products.find().$, db.lots.find().$, db.events.find().$]).pipe(
    map(([products, lots, events]) => {
      const onHand = new Map<string, number>();
      for (const e of events) onHand.set(e.lotId, (onHand.get(e.lotId) ?? 0) + e.quantityMilli);
      return products
        .map((p) => p.toMutableJSON())
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((product) => ({
          product,
          lots: lots
            .filter((l) => l.productId === product.id)
            .map((l) => ({ lot: l.toMutableJSON(), onHandMilli: onHand.get(l.id) ?? 0 }))
            .sort((a, b) => a.lot.expiry.localeCompare(b.lot.expiry)),
        }));
    }),
  );
}
