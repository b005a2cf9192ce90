/** What exists only on this tablet: the header's "changes only on this tablet" (SPEC [PWA4], [S15]). */
import { combineLatest, map, type Observable } from 'rxjs';
import type { ChairsideDatabase } from '../collections';

/**
 * Events recorded on this tablet that no sync server has acknowledged yet (refused ones included):
 * this device's events minus the acknowledged marks.
 */
export function watchUnsyncedCount(db: ChairsideDatabase, deviceId: string): Observable<number> {
  return combineLatest([
    db.events.count({ selector: { deviceId } }).$,
    db.syncmarks.count({ selector: { state: 'acked' } }).$,
  ]).pipe(map(([own, acked]) => Math.max(own - acked, 0)));
}
