import { useData } from '../../platform/DataContext';
import { useObservable } from '../../platform/useObservable';
import type { Location } from '../../domain/model';

/**
 * Locations this tablet works at (all until enrolled, then the enrollment's, [S20]); null while
 * loading. The rule is the repository's (watchWorkableLocations).
 */
export function useLocations(): Location[] | null {
  const data = useData();
  return useObservable<Location[] | null>(() => data.locations.watchWorkable(), null, [data]);
}
