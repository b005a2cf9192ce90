/**
 * Receiving ([RC5], [RC7]): the serials already received, and storing a confirmed receipt — its new
 * lots through `saveRecords` (clock-stamped, replicated, [MD9]) and its `receive` events through the
 * ledger, in that order, so a draw never meets an event whose lot the tablet lacks.
 */
import { combineLatest, map, type Observable } from 'rxjs';
import type { LedgerEvent, Lot } from '../../domain/model';
import { receivedSerials } from '../../domain/receiving/serials';
import type { ChairsideDatabase } from '../collections';
import { recordEvents } from './balances';
import { fromEventDoc } from './events';
import { findLotByNumber, toLot } from './lots';
import { saveRecords, type EditContext } from './records';

/**
 * `derive` over every `receive` event and every correction on this tablet, with the lots by id,
 * live: what the views built on receipts fold (serials, order progress, deliveries).
 */
export function watchReceipts<T>(
  db: ChairsideDatabase,
  derive: (events: LedgerEvent[], lotsById: Map<string, Lot>) => T,
): Observable<T> {
  return combineLatest([
    db.events.find({ selector: { type: 'receive' } }).$,
    db.events.find({ selector: { correctsId: { $ne: null } } }).$,
    db.lots.find().$,
  ]).pipe(
    map(([receipts, corrections, lots]) =>
      derive(
        [...receipts, ...corrections].map((d) => fromEventDoc(d.toMutableJSON())),
        new Map(lots.map((l) => [l.id, toLot(l.toMutableJSON())])),
      ),
    ),
  );
}

/** Serials of every `receive` on this tablet not voided since, live (serialKey → "lot L, day"). */
export function watchReceivedSerials(db: ChairsideDatabase): Observable<Map<string, string>> {
  return watchReceipts(db, receivedSerials);
}

/**
 * Stores a confirmed receipt. A new lot that reached this tablet meanwhile (another tablet scanned
 * the same carton, [MD4]) is not written again: its events go to the lot on file.
 */
export async function storeReceipt(
  db: ChairsideDatabase,
  lots: Lot[],
  events: LedgerEvent[],
  ctx: EditContext,
): Promise<void> {
  const lotIdFor = new Map<string, string>();
  const fresh: Lot[] = [];
  for (const lot of lots) {
    const onFile = await findLotByNumber(db, lot.productId, lot.lotNumber);
    if (onFile) lotIdFor.set(lot.id, onFile.id);
    else fresh.push(lot);
  }
  if (fresh.length > 0) await saveRecords(db, 'lots', fresh, ctx);
  await recordEvents(
    db,
    events.map((e) => onLot(e, lotIdFor.get(e.lotId))),
  );
}

/** The event moved to the lot on file; it names the carton only if that lot's id derives from it ([MD12]). */
function onLot(e: LedgerEvent, lotId: string | undefined): LedgerEvent {
  if (!lotId || lotId === e.lotId) return e;
  const { productId: _p, lotNumber: _l, ...payload } = e.payload;
  return { ...e, lotId, payload };
}
