import { useMemo, useState } from 'react';
import { map } from 'rxjs';
import { deviceToday } from '../../platform/clock';
import type { StaffMember, StockAt } from '../../platform/data';
import { useData } from '../../platform/DataContext';
import type { SessionStaff } from '../../platform/session';
import { useObservable } from '../../platform/useObservable';
import type { Location } from '../../domain/model';
import { effectiveChoice, locationsOfChoice, stockScope, type StockScope } from '../../domain/stock/scope';
import { buildStockView, type StockListView, type StockView } from '../../domain/stock/view';

export interface StockChoice {
  scope: StockScope;
  /** The chooser's value: a location id or ALL_LOCATIONS. */
  choice: string | null;
  setChoice: (choice: string) => void;
  /** The locations the choice stands for, in the clinic's order. */
  locations: Location[];
}

/**
 * The locations the signed-in person may look at and the one chosen ([ST1], [ST2]): their staff
 * record's locations, the clinic's locations and the tablet's. Null while those load.
 */
export function useStockChoice(staff: SessionStaff): StockChoice | null | 'no-record' {
  const data = useData();
  const people = useObservable<StaffMember[] | null>(() => data.staff.watch(), null, [data]);
  const places = useObservable<{ locations: Location[]; tabletLocationIds: string[] } | null>(
    () => data.stock.watchLocations(),
    null,
    [data],
  );
  const [picked, setChoice] = useState<string | null>(null);
  if (people === null || places === null) return null;
  const record = people.find((p) => p.id === staff.id);
  // Someone signed in whose record is gone (removed by sync) may see no location at all.
  if (!record) return 'no-record';
  const scope = stockScope(
    { role: staff.role, locationIds: record.locationIds },
    places.locations,
    places.tabletLocationIds,
  );
  const ids = new Set(locationsOfChoice(scope, picked));
  return {
    scope,
    choice: effectiveChoice(scope, picked),
    setChoice,
    locations: scope.locations.filter((l) => ids.has(l.id)),
  };
}

/**
 * The view of the chosen locations, live; null until the data for exactly this choice and view
 * has arrived (never the previous location's figures under the new name).
 */
export function useStockView(locationIds: readonly string[], view: StockListView): StockView | null {
  const data = useData();
  const key = `${locationIds.join(',')}|${view}`;
  const loaded = useObservable<{ key: string; at: StockAt } | null>(
    () => data.stock.watchAt(locationIds, view).pipe(map((at) => ({ key, at }))),
    null,
    [data, key],
  );
  const today = deviceToday();
  return useMemo(() => {
    if (!loaded || loaded.key !== key) return null;
    return buildStockView({ ...loaded.at, locationIds, view, today });
    // locationIds and view are in the key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, key, today]);
}
