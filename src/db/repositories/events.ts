/** The append-only ledger on the tablet: events are inserted once and never changed. */
import type { LedgerEvent } from '../../domain/model';
import type { ChairsideDatabase } from '../collections';

export interface AppendResult {
  inserted: number;
  /** Ids already present: a re-delivery of the same event counts once (SPEC [L3]). */
  alreadyPresent: string[];
}

/** Inserts events that are not yet stored; an id that exists is left exactly as it was. */
export async function appendEvents(db: ChairsideDatabase, events: LedgerEvent[]): Promise<AppendResult> {
  if (events.length === 0) return { inserted: 0, alreadyPresent: [] };
  const result = await db.events.bulkInsert(events);
  const alreadyPresent: string[] = [];
  for (const error of result.error) {
    if (error.status !== 409)
      throw new Error(`could not record event ${error.documentId}: status ${error.status}`);
    alreadyPresent.push(error.documentId);
  }
  return { inserted: result.success.length, alreadyPresent };
}

/** Events recorded on this device that no sync server has acknowledged yet. */
export function watchUnsyncedCount(db: ChairsideDatabase, deviceId: string) {
  return db.events.count({ selector: { deviceId } }).$;
}
