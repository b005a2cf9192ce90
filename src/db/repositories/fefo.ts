/**
 * Reads what FEFO needs for one product at one location from materialized documents only: the
 * balances of that product's lots that are in stock here (one indexed query, opened containers
 * included) and those lots (primary-key lookups). Never scans the ledger (SPEC [L10]; bench
 * treat.fefo_lookup_ms).
 */
import { rankFefo, type FefoRanking } from '../../domain/fefo/rank';
import type { Product } from '../../domain/model';
import type { ChairsideDatabase } from '../collections';
import { containerView } from './balance-docs';
import { currentBalances } from './balances';

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
