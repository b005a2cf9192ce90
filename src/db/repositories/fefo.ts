/**
 * Reads what FEFO needs for one product at one location from materialized documents only: the
 * balances of that product's lots that are in stock here (one indexed query, opened containers
 * included) and those lots (primary-key lookups). Never scans the ledger (SPEC [L10]; bench
 * treat.fefo_lookup_ms).
 */
import { combineLatest, switchMap, type Observable } from 'rxjs';
import { rankFefo, type FefoRanking } from '../../domain/fefo/rank';
import type { Product } from '../../domain/model';
import type { ChairsideDatabase } from '../collections';
import { containerView } from './balance-docs';
import { currentBalances, watchBalances } from './balances';

export interface FefoQuery {
  product: Product;
  locationId: string;
  nowMs: number;
  utcOffsetMinutes: number;
}

export async function lookupFefo(db: ChairsideDatabase, q: FefoQuery): Promise<FefoRanking> {
  const balances = (await currentBalances(db)).filter(
    (b) => b.productId === q.product.id && b.locationId === q.locationId && b.onHandMilli > 0,
  );
  const lotDocs = await db.lots.findByIds(balances.map((b) => b.lotId)).exec();
  const lots = [...lotDocs.values()].map((d) => d.toMutableJSON());
  const lotBalances = new Map<string, number>();
  const firstReceivedAt = new Map<string, string>();
  for (const b of balances) {
    lotBalances.set(b.lotId, b.onHandMilli);
    if (b.firstReceivedAt) firstReceivedAt.set(b.lotId, b.firstReceivedAt);
  }
  const containers = balances
    .flatMap((b) => b.containers.map((entry) => containerView(entry, b)))
    .filter((c) => c.remainingMilli !== null && c.remainingMilli > 0);
  return rankFefo({
    product: q.product,
    locationId: q.locationId,
    lots,
    lotBalances,
    firstReceivedAt,
    containers,
    nowMs: q.nowMs,
    utcOffsetMinutes: q.utcOffsetMinutes,
  });
}

/**
 * The ranking for `product` at `locationId`, looked up again whenever that product's stock here or
 * its lots change: a draw on this tablet, stock or a recall arriving by sync, a lot created from a
 * scan (the balances that arrived before it learn its product and change too). `clock` gives the
 * time each lookup ranks at (expiry and beyond-use depend on it).
 */
export function watchFefo(
  db: ChairsideDatabase,
  product: Product,
  locationId: string,
  clock: () => number,
): Observable<FefoRanking> {
  return combineLatest([
    watchBalances(db, (b) => b.productId === product.id && b.locationId === locationId),
    db.lots.find({ selector: { productId: product.id } }).$,
  ]).pipe(
    switchMap(() => {
      const nowMs = clock();
      return lookupFefo(db, {
        product,
        locationId,
        nowMs,
        utcOffsetMinutes: -new Date(nowMs).getTimezoneOffset(),
      });
    }),
  );
}
