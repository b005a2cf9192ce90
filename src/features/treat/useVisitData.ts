import { map, NEVER } from 'rxjs';
import { useData } from '../../platform/DataContext';
import { useObservable } from '../../platform/useObservable';
import type { VisitSummary } from '../../domain/cogs/visit';
import type { FefoRanking } from '../../domain/fefo/rank';
import type { Product, Visit } from '../../domain/model';

/** The visit, live: undefined while loading, null once it is not on this tablet. */
export function useVisit(visitId: string): Visit | null | undefined {
  const data = useData();
  return useObservable<Visit | null | undefined>(() => data.visits.watch(visitId), undefined, [
    data,
    visitId,
  ]);
}

/** The visit's COGS summary, recomputed whenever an event of this visit is stored. */
export function useVisitSummary(visit: Visit | null | undefined): VisitSummary | null {
  const data = useData();
  return useObservable<VisitSummary | null>(() => (visit ? data.visits.watchSummary(visit) : NEVER), null, [
    data,
    visit,
  ]);
}

/**
 * FEFO ranking for the product at the visit's location, looked up again whenever that product's
 * stock here or its lots change (data.fefo.watch says when). Without a product the last ranking
 * stays until the next one arrives, as the LotChooser expects.
 */
export function useFefo(product: Product | null, locationId: string | undefined): FefoRanking | null {
  const data = useData();
  return useObservable<FefoRanking | null>(
    () => (product && locationId ? data.fefo.watch(product, locationId) : NEVER),
    null,
    [data, product, locationId],
  );
}

/**
 * The same ranking with the product it ranks: the last one stays while the next loads, so a step
 * that acts on its own (a template's pre-filled draw, [TT2]) first checks it is this product's.
 */
export function useFefoOf(
  product: Product | null,
  locationId: string | undefined,
): { productId: string; ranking: FefoRanking } | null {
  const data = useData();
  return useObservable<{ productId: string; ranking: FefoRanking } | null>(
    () =>
      product && locationId
        ? data.fefo.watch(product, locationId).pipe(map((ranking) => ({ productId: product.id, ranking })))
        : NEVER,
    null,
    [data, product, locationId],
  );
}
