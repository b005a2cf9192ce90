import { map } from 'rxjs';
import { useLocal } from '../../app/DatabaseContext';
import { useObservable } from '../../app/useObservable';
import type { Location } from '../../domain/model';

/** Locations on this tablet, oldest id first (the clinic's first location leads). */
export function useLocations(): Location[] | null {
  const { db } = useLocal();
  return useObservable<Location[] | null>(
    () =>
      db.locations.find({ sort: [{ id: 'asc' }] }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON()))),
    null,
    [db],
  );
}
