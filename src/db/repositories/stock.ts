/** A read model for the Stock screen: products with their lots and on-hand quantity per lot. */
import { combineLatest, map, type Observable } from 'rxjs';
import type { Lot, Product } from '../../domain/model';
import { negativeBalances } from '../../domain/alerts/discrepancy';
import type { ChairsideDatabase } from '../collections';
import { watchBalances } from './balances';

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
  return combineLatest([db.products.find().$, db.lots.find().$, watchBalances(db)]).pipe(
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

export interface Discrepancy {
  lotId: string;
  lotNumber: string;
  productName: string;
  baseUnit: Product['baseUnit'];
  locationName: string;
  onHandMilli: number;
}

/** Lots whose balance at a location is below zero ([AL1]), named for the screen. */
export function watchDiscrepancies(db: ChairsideDatabase): Observable<Discrepancy[]> {
  return combineLatest([
    watchBalances(db, (b) => b.onHandMilli < 0),
    db.lots.find().$,
    db.products.find().$,
    db.locations.find().$,
  ]).pipe(
    map(([balances, lots, products, locations]) => {
      const lotById = new Map(lots.map((l) => [l.id, l]));
      const productById = new Map(products.map((p) => [p.id, p]));
      const locationById = new Map(locations.map((l) => [l.id, l]));
      return negativeBalances(balances).map((b) => {
        const lot = lotById.get(b.lotId);
        const product = lot ? productById.get(lot.productId) : undefined;
        return {
          lotId: b.lotId,
          lotNumber: lot?.lotNumber ?? b.lotId,
          productName: product?.name ?? 'Unknown product',
          baseUnit: product?.baseUnit ?? 'each',
          locationName: locationById.get(b.locationId)?.name ?? b.locationId,
          onHandMilli: b.onHandMilli,
        };
      });
    }),
  );
}
