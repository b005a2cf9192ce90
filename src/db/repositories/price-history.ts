/** The `receive` events of one product's lots, live: the receipts half of its price history ([CT6]). */
import { of, switchMap, map, type Observable } from 'rxjs';
import type { LedgerEvent } from '../../domain/model';
import type { ChairsideDatabase } from '../collections';
import { fromEventDoc } from './events';

export function watchProductReceipts(db: ChairsideDatabase, productId: string): Observable<LedgerEvent[]> {
  return db.lots
    .find({ selector: { productId } })
    .$.pipe(
      switchMap((lots) =>
        lots.length === 0
          ? of([])
          : db.events
              .find({ selector: { type: 'receive', lotId: { $in: lots.map((l) => l.id) } } })
              .$.pipe(map((docs) => docs.map((d) => fromEventDoc(d.toMutableJSON())))),
      ),
    );
}
