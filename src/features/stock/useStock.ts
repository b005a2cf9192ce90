import { useMemo } from 'react';
import { combineLatest, distinctUntilChanged, map, of, switchMap, type Observable } from 'rxjs';
import { deviceToday } from '../../platform/clock';
import type { ChairsideData, StaffMember, StockAt } from '../../platform/data';
import { useData } from '../../platform/DataContext';
import type { SessionStaff } from '../../platform/session';
import { useObservable } from '../../platform/useObservable';
import type { Location } from '../../domain/model';
import { effectiveChoice, locationsOfChoice, stockScope, type StockScope } from '../../domain/stock/scope';
import { buildStockView, type StockListView, type StockView } from '../../domain/stock/view';

export interface StockChoice {
  scope: StockScope;
  /** What the chooser shows selected: a location id or ALL_LOCATIONS. */
  choice: string | null;
  /** The locations the choice stands for, in the clinic's order. */
  locations: Location[];
}

export type StockState =
  /** The signed-in person has no staff record here (removed by sync) or no location. */
  | { kind: 'no-location' }
  /** Another place or view is loading: the chooser as it was, no figures yet. */
  | { kind: 'loading'; choice: StockChoice }
  | { kind: 'ready'; choice: StockChoice; view: StockView };

/**
 * The locations the person may look at and the one chosen ([ST1], [ST2]): their staff record's
 * locations, the clinic's and the tablet's. Emits again only when that outcome changes.
 */
function watchChoice(
  data: ChairsideData,
  staff: SessionStaff,
  picked: string | null,
): Observable<StockChoice | null> {
  return combineLatest([data.staff.watch(), data.stock.watchLocations()]).pipe(
    map(([people, places]) => {
      const record = people.find((p: StaffMember) => p.id === staff.id);
      if (!record) return null;
      const scope = stockScope(
        { role: staff.role, locationIds: record.locationIds },
        places.locations,
        places.tabletLocationIds,
      );
      const ids = new Set(locationsOfChoice(scope, picked));
      return {
        scope,
        choice: effectiveChoice(scope, picked),
        locations: scope.locations.filter((l) => ids.has(l.id)),
      };
    }),
    distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
  );
}

/**
 * Everything Stock shows, as one live chain: who may see where → the balances there → the lots of
 * the view. One subscription, so the first rows need one render, not one per step (bench
 * stock.render_2k_lots_ms). Figures only once the data for exactly this choice and view has
 * arrived — never the previous location's under the new name; null before anything has.
 */
export function useStock(staff: SessionStaff, picked: string | null, view: StockListView): StockState | null {
  const data = useData();
  const key = `${staff.id}|${picked ?? ''}|${view}`;
  const loaded = useObservable<{ key: string; choice: StockChoice | null; at: StockAt | null } | null>(
    () =>
      watchChoice(data, staff, picked).pipe(
        switchMap((choice) =>
          choice === null || choice.locations.length === 0
            ? of({ key, choice, at: null })
            : data.stock
                .watchAt(
                  choice.locations.map((l) => l.id),
                  view,
                )
                .pipe(map((at) => ({ key, choice, at }))),
        ),
      ),
    null,
    [data, key],
  );
  const today = deviceToday();
  return useMemo((): StockState | null => {
    if (!loaded) return null;
    const { choice, at } = loaded;
    if (choice === null || at === null) return loaded.key === key ? { kind: 'no-location' } : null;
    if (loaded.key !== key) return { kind: 'loading', choice };
    const locationIds = choice.locations.map((l) => l.id);
    return { kind: 'ready', choice, view: buildStockView({ ...at, locationIds, view, today }) };
    // view is in the key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, key, today]);
}
