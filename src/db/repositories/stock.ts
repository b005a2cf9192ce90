/**
 * What the Stock screen reads (SPEC [ST1]–[ST5]): the balances at the chosen locations, and only the
 * lots one view shows — in stock, or used up (History) — looked up by id, so a clinic with years of
 * used-up lots reads the few it has on hand (bench stock.render_2k_lots_ms). Grouping, values and
 * order are the domain's (src/domain/stock/view.ts).
 */
import { combineLatest, map, switchMap, type Observable } from 'rxjs';
import type { Location, Lot, Product } from '../../domain/model';
import { negativeBalances } from '../../domain/alerts/discrepancy';
import { pickLots, type StockBalanceInput, type StockListView } from '../../domain/stock/view';
import type { ChairsideDatabase } from '../collections';
import { watchBalances } from './balances';
import { toLot } from './lots';
import { watchWorkableLocations } from './locations';

export interface StockAt {
  products: Product[];
  /** The lots of the asked view; the balances name the others too (for the counts). */
  lots: Lot[];
  balances: StockBalanceInput[];
}

/** Balances at `locationIds` and the lots `view` shows, live (a draw, a sync pull, a recall). */
export function watchStockAt(
  db: ChairsideDatabase,
  locationIds: readonly string[],
  view: StockListView,
): Observable<StockAt> {
  const scope = new Set(locationIds);
  const products$ = db.products.find().$.pipe(map((docs) => docs.map((d) => d.toMutableJSON())));
  return watchBalances(db, (b) => scope.has(b.locationId)).pipe(
    switchMap((docs) => {
      const balances = docs.map(({ lotId, locationId, onHandMilli, firstReceivedAt }) => ({
        lotId,
        locationId,
        onHandMilli,
        firstReceivedAt,
      }));
      const { lotIds } = pickLots(balances, view);
      return combineLatest([db.lots.findByIds(lotIds).$, products$]).pipe(
        map(([lots, products]) => ({
          products,
          lots: [...lots.values()].map((d) => toLot(d.toMutableJSON())),
          balances,
        })),
      );
    }),
  );
}

/** Every location of the clinic (Stock's chooser) and the ids this tablet works at ([S20]). */
export function watchStockLocations(
  db: ChairsideDatabase,
): Observable<{ locations: Location[]; tabletLocationIds: string[] }> {
  return combineLatest([db.locations.find({ sort: [{ id: 'asc' }] }).$, watchWorkableLocations(db)]).pipe(
    map(([docs, workable]) => ({
      locations: docs.map((d) => {
        const { clocks: _c, editor: _e, ...location } = d.toMutableJSON();
        return location;
      }),
      tabletLocationIds: workable.map((l) => l.id),
    })),
  );
}

export interface Discrepancy {
  lotId: string;
  locationId: string;
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
          locationId: b.locationId,
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
