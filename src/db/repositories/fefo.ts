/**
 * Reads what FEFO needs for one product at one location from materialized documents only: the
 * product's lots (indexed), their balances (primary-key lookups) and the opened containers of
 * lots that still have stock here. Never scans the ledger (SPEC [L10], bench treat.fefo_lookup_ms).
 */
import { balanceKey } from '../../domain/ledger/reducer';
import { rankFefo, type FefoRanking } from '../../domain/fefo/rank';
import type { Product } from '../../domain/model';
import type { ChairsideDatabase } from '../collections';
import { containerView } from './balances';

export interface FefoQuery {
  product: Product;
  locationId: string;
  nowMs: number;
  utcOffsetMinutes: number;
}

export async function lookupFefo(db: ChairsideDatabase, q: FefoQuery): Promise<FefoRanking> {
  const lots = (await db.lots.find({ selector: { productId: q.product.id } }).exec()).map((d) =>
    d.toMutableJSON(),
  );
  const balanceDocs = await db.balances.findByIds(lots.map((l) => balanceKey(l.id, q.locationId))).exec();
  const lotBalances = new Map<string, number>();
  const firstReceivedAt = new Map<string, string>();
  for (const b of balanceDocs.values()) {
    lotBalances.set(b.lotId, b.onHandMilli);
    if (b.firstReceivedAt) firstReceivedAt.set(b.lotId, b.firstReceivedAt);
  }
  const stocked = lots.filter((l) => (lotBalances.get(l.id) ?? 0) > 0).map((l) => l.id);
  // One equality query per stocked lot hits the [locationId, lotId] index; an $in query does not.
  const perLot = await Promise.all(
    stocked.map((lotId) => db.containers.find({ selector: { locationId: q.locationId, lotId } }).exec()),
  );
  const containers = perLot
    .flat()
    .map((d) => containerView(d.toMutableJSON()))
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
