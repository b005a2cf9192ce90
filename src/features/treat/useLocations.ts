import { combineLatest, map } from 'rxjs';
import { useLocal } from '../../app/DatabaseContext';
import { useObservable } from '../../app/useObservable';
import type { Location } from '../../domain/model';
import { ENROLLMENT_KEY, enrollmentFrom } from '../../sync/enrollment';

/**
 * Locations this tablet works at, oldest id first (the clinic's first location leads): all of them
 * until it is enrolled, then the ones its enrollment names — the server refuses events elsewhere
 * ([S20]), so the screen never offers them.
 */
export function useLocations(): Location[] | null {
  const { db } = useLocal();
  return useObservable<Location[] | null>(
    () =>
      combineLatest([
        db.locations.find({ sort: [{ id: 'asc' }] }).$,
        db.settings.findOne(ENROLLMENT_KEY).$,
      ]).pipe(
        map(([docs, enrollmentDoc]) => {
          const all = docs.map((d) => d.toMutableJSON());
          const enrollment = enrollmentDoc ? enrollmentFrom(JSON.parse(enrollmentDoc.value)) : null;
          if (!enrollment || enrollment.locationIds.length === 0) return all;
          return all.filter((l) => enrollment.locationIds.includes(l.id));
        }),
      ),
    null,
    [db],
  );
}
