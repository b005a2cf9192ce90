import { combineLatest, map, type Observable } from 'rxjs';
/** The append-only ledger on the tablet: events are inserted once and never changed. */
import type { LedgerEvent } from '../../domain/model';
import type { ChairsideDatabase } from '../collections';
import type { EventDoc } from '../schemas/ledger';

export interface AppendResult {
  /** Events stored by this call (new ids), in input order. */
  inserted: LedgerEvent[];
  /** Ids already present: a re-delivery of the same event counts once (SPEC [L3]). */
  alreadyPresent: string[];
}

export function toEventDoc(e: LedgerEvent): EventDoc {
  return { ...e, visitKey: e.visitId ?? '' };
}

export function fromEventDoc(doc: EventDoc): LedgerEvent {
  const { visitKey: _visitKey, ...event } = doc;
  return event;
}

/** Inserts events that are not yet stored; an id that exists is left exactly as it was. */
export async function appendEvents(db: ChairsideDatabase, events: LedgerEvent[]): Promise<AppendResult> {
  if (events.length === 0) return { inserted: [], alreadyPresent: [] };
  // The same id twice in one batch (a retried sync page) counts once: the first copy is stored.
  const unique = new Map<string, LedgerEvent>();
  const alreadyPresent: string[] = [];
  for (const e of events) {
    if (unique.has(e.id)) alreadyPresent.push(e.id);
    else unique.set(e.id, e);
  }
  const result = await db.events.bulkInsert([...unique.values()].map(toEventDoc));
  for (const error of result.error) {
    if (error.status !== 409)
      throw new Error(`could not record event ${error.documentId}: status ${error.status}`);
    alreadyPresent.push(error.documentId);
  }
  const stored = new Set(result.success.map((d) => d.id));
  return { inserted: [...unique.values()].filter((e) => stored.has(e.id)), alreadyPresent };
}

export async function eventsOfVisit(db: ChairsideDatabase, visitId: string): Promise<LedgerEvent[]> {
  const docs = await db.events.find({ selector: { visitKey: visitId } }).exec();
  return docs.map((d) => fromEventDoc(d.toMutableJSON()));
}

export async function allEvents(db: ChairsideDatabase): Promise<LedgerEvent[]> {
  const docs = await db.events.find().exec();
  return docs.map((d) => fromEventDoc(d.toMutableJSON()));
}

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
