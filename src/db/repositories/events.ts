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

/** How the ledger's own writes are labelled in RxDB's change events. */
export const APPEND_CONTEXT = 'chairside-append-events';

/**
 * Inserts events that are not yet stored; an id that exists is left exactly as it was.
 *
 * The insert is one storage-level write, as RxCollection.bulkInsert does it minus the RxDocument it
 * would build per stored event (nobody reads them; a 1000-event pull page paid for 1000). The events
 * collection has no insert hooks (its append-only guard is on save and remove), and schema
 * validation still runs where it is configured (it wraps the storage). `writeContext` labels the
 * write in RxDB's change events: the sync pull passes the events replication's downstream flag, so
 * RxDB's push side knows those events came from the server and does not walk them (SPEC [S19]).
 */
export async function appendEvents(
  db: ChairsideDatabase,
  events: LedgerEvent[],
  writeContext = APPEND_CONTEXT,
): Promise<AppendResult> {
  if (events.length === 0) return { inserted: [], alreadyPresent: [] };
  // The same id twice in one batch (a retried sync page) counts once: the first copy is stored.
  const unique = new Map<string, LedgerEvent>();
  const alreadyPresent: string[] = [];
  for (const e of events) {
    if (unique.has(e.id)) alreadyPresent.push(e.id);
    else unique.set(e.id, e);
  }
  const candidates = [...unique.values()];
  const result = await db.events.storageInstance.bulkWrite(
    // `_meta` and `_rev` are placeholders: RxDB's storage wrapper sets both on every insert.
    candidates.map((e) => ({
      document: { ...toEventDoc(e), _deleted: false, _attachments: {}, _meta: { lwt: 0 }, _rev: '' },
    })),
    writeContext,
  );
  const present = new Set<string>();
  for (const error of result.error) {
    if (error.status !== 409)
      throw new Error(`could not record event ${error.documentId}: status ${error.status}`);
    present.add(error.documentId);
    alreadyPresent.push(error.documentId);
  }
  return { inserted: candidates.filter((e) => !present.has(e.id)), alreadyPresent };
}

export async function eventsOfVisit(db: ChairsideDatabase, visitId: string): Promise<LedgerEvent[]> {
  const docs = await db.events.find({ selector: { visitKey: visitId } }).exec();
  return docs.map((d) => fromEventDoc(d.toMutableJSON()));
}

export async function findEvent(db: ChairsideDatabase, id: string): Promise<LedgerEvent | null> {
  const doc = await db.events.findOne(id).exec();
  return doc ? fromEventDoc(doc.toMutableJSON()) : null;
}

export async function allEvents(db: ChairsideDatabase): Promise<LedgerEvent[]> {
  const docs = await db.events.find().exec();
  return docs.map((d) => fromEventDoc(d.toMutableJSON()));
}
