import { useEffect, useState } from 'react';
import { combineLatest, map, switchMap } from 'rxjs';
import { useLocal } from '../../app/DatabaseContext';
import { now } from '../../app/runtime';
import { useObservable } from '../../app/useObservable';
import { watchBalances } from '../../db/repositories/balances';
import { lookupFefo } from '../../db/repositories/fefo';
import { summarizeVisit } from '../../db/repositories/visits';
import type { VisitSummary } from '../../domain/cogs/visit';
import type { FefoRanking } from '../../domain/fefo/rank';
import type { Product, Visit } from '../../domain/model';

export function useVisit(visitId: string): Visit | null | undefined {
  const { db } = useLocal();
  return useObservable<Visit | null | undefined>(
    () => db.visits.findOne(visitId).$.pipe(map((d) => (d ? d.toMutableJSON() : null))),
    undefined,
    [db, visitId],
  );
}

/** The visit's COGS summary, recomputed whenever an event of this visit is stored. */
export function useVisitSummary(visit: Visit | null | undefined): VisitSummary | null {
  const { db } = useLocal();
  const [summary, setSummary] = useState<VisitSummary | null>(null);
  useEffect(() => {
    if (!visit) return undefined;
    const sub = db.events.find({ selector: { visitKey: visit.id } }).$.subscribe(() => {
      void summarizeVisit(db, visit).then(setSummary);
    });
    return () => sub.unsubscribe();
  }, [db, visit]);
  return summary;
}

/**
 * FEFO ranking for the product at the visit's location, looked up again whenever that product's
 * stock here or its lots change — a draw on this tablet, stock or a recall arriving by sync —
 * and when `version` is bumped (after a scan created a lot).
 */
export function useFefo(
  product: Product | null,
  locationId: string | undefined,
  version: number,
): FefoRanking | null {
  const { db } = useLocal();
  const [ranking, setRanking] = useState<FefoRanking | null>(null);
  useEffect(() => {
    if (!product || !locationId) return undefined;
    const changes = combineLatest([
      watchBalances(db, (b) => b.productId === product.id && b.locationId === locationId),
      db.lots.find({ selector: { productId: product.id } }).$,
    ]);
    const sub = changes
      .pipe(
        switchMap(() => {
          const nowMs = now();
          return lookupFefo(db, {
            product,
            locationId,
            nowMs,
            utcOffsetMinutes: -new Date(nowMs).getTimezoneOffset(),
          });
        }),
      )
      .subscribe(setRanking);
    return () => sub.unsubscribe();
  }, [db, product, locationId, version]);
  return ranking;
}
