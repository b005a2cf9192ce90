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

/** On hand per lot across all locations, from the materialized balances (never the raw ledger). */
export function watchStock(db: ChairsideDatabase): Observable<ProductStock[]> {
  return combineLatest([db.products.find().$, db.lots.find().$, db.balances.find().$]).pipe(
    map(([products, lots, balances]) => {
      const onHand = new Map<string, number>();
      for (const b of balances) onHand.set(b.lotId, (onHand.get(b.lotId) ?? 0) + b.onHandMilli);
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
