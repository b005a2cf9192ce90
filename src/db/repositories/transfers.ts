/**
 * Transfers between locations ([TR1]-[TR4]): the transfers as the ledger tells them, live, and
 * storing a send, a receipt or a cancellation as ledger events (the balances follow, [L3]).
 */
import { map, type Observable } from 'rxjs';
import type { LedgerEvent } from '../../domain/model';
import {
  listTransfers,
  planCancel,
  planReceive,
  planSend,
  transferIdOf,
  type Planned,
  type SendRequest,
  type Stamp,
  type Transfer,
} from '../../domain/transfers';
import type { ChairsideDatabase } from '../collections';
import { currentBalance, recordEvents } from './balances';
import { fromEventDoc } from './events';

const LEGS = ['transfer_out', 'transfer_in'];

function transferEvents$(db: ChairsideDatabase): Observable<LedgerEvent[]> {
  // Corrections keep their original's type, so cancellations are among these too.
  return db.events
    .find({ selector: { type: { $in: LEGS } } })
    .$.pipe(map((docs) => docs.map((d) => fromEventDoc(d.toMutableJSON()))));
}

async function transferEvents(db: ChairsideDatabase): Promise<LedgerEvent[]> {
  const docs = await db.events.find({ selector: { type: { $in: LEGS } } }).exec();
  return docs.map((d) => fromEventDoc(d.toMutableJSON()));
}

/** Every transfer on this tablet's ledger, newest first. */
export function watchTransfers(db: ChairsideDatabase): Observable<Transfer[]> {
  return transferEvents$(db).pipe(map(listTransfers));
}

async function stored(db: ChairsideDatabase, plan: Planned): Promise<Planned> {
  if (plan.ok) await recordEvents(db, plan.events);
  return plan;
}

/** Sends stock: checked against what is on hand at the source now. */
export async function sendTransfer(
  db: ChairsideDatabase,
  request: Omit<SendRequest, 'onHandMilli'>,
  stamp: Stamp,
): Promise<Planned> {
  const onHand = new Map<string, number>();
  for (const line of request.lines)
    onHand.set(line.lotId, (await currentBalance(db, line.lotId, request.fromLocationId))?.onHandMilli ?? 0);
  return stored(db, planSend({ ...request, onHandMilli: (lotId) => onHand.get(lotId) ?? 0 }, stamp));
}

async function currentTransfer(db: ChairsideDatabase, transferId: string): Promise<Transfer | null> {
  return listTransfers(await transferEvents(db)).find((t) => t.transferId === transferId) ?? null;
}

/** Receives a transfer at its destination: what arrived per lot, and why it differs. */
export async function receiveTransfer(
  db: ChairsideDatabase,
  transferId: string,
  arrivedMilli: ReadonlyMap<string, number>,
  reason: string,
  stamp: Stamp,
): Promise<Planned> {
  const transfer = await currentTransfer(db, transferId);
  if (!transfer) return { ok: false, problem: 'This transfer is not on this tablet (any more).' };
  return stored(db, planReceive(transfer, arrivedMilli, reason, stamp));
}

/** Cancels a transfer still in transit: its stock is back at the source. */
export async function cancelTransfer(
  db: ChairsideDatabase,
  transferId: string,
  reason: string,
  stamp: Stamp,
): Promise<Planned> {
  const events = await transferEvents(db);
  const transfer = listTransfers(events).find((t) => t.transferId === transferId);
  if (!transfer) return { ok: false, problem: 'This transfer is not on this tablet (any more).' };
  const outs = events.filter(
    (e) => e.type === 'transfer_out' && !e.correctsId && transferIdOf(e) === transferId,
  );
  return stored(db, planCancel(transfer, outs, reason, stamp));
}
