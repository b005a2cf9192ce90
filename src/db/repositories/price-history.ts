/**
 * The `receive` events of one product's lots and the corrections among their events (a voided
 * receipt leaves the history), live: the receipts half of its price history ([CT6]).
 */
import { of, switchMap, map, type Observable } from 'rxjs';
import type { LedgerEvent } from '../../domain/model';
import type { ChairsideDatabase } from '../collections';
import { fromEventDoc } from './events';

export function watchProductReceipts(db: ChairsideDatabase, productId: string): Observable<LedgerEvent[]> {
  return db.lots.find({ selector: { productId } }).$.pipe(
    switchMap((lots) =>
      lots.length === 0
        ? of([])
        : db.events
            .find({
              selector: {
                lotId: { $in: lots.map((l) => l.id) },
                $or: [{ type: 'receive' }, { correctsId: { $ne: null } }],
              },
            })
            .$.pipe(map((docs) => docs.map((d) => fromEventDoc(d.toMutableJSON())))),
    ),
  );
}
