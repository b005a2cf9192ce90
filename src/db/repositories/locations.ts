/** Locations this tablet works at. */
import { combineLatest, map, type Observable } from 'rxjs';
import type { Location } from '../../domain/model';
import type { ChairsideDatabase } from '../collections';
import { watchSetting } from './settings';

/**
 * Locations this tablet works at, oldest id first (the clinic's first location leads): all of them
 * until it is enrolled, then the ones its enrollment names — the server refuses events elsewhere
 * ([S20]), so screens never offer them.
 */
export function watchWorkableLocations(db: ChairsideDatabase): Observable<Location[]> {
  return combineLatest([
    db.locations.find({ sort: [{ id: 'asc' }] }).$,
    watchSetting(db, 'syncEnrollment'),
  ]).pipe(
    map(([docs, enrollment]) => {
      const all = docs.map((d) => {
        const { clocks: _c, editor: _e, ...location } = d.toMutableJSON();
        return location;
      });
      if (!enrollment || enrollment.locationIds.length === 0) return all;
      return all.filter((l) => enrollment.locationIds.includes(l.id));
    }),
  );
}
