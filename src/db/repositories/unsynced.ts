/**
 * What exists only on this tablet — the header's "changes only on this tablet" (SPEC [PWA4],
 * [S15], [MD9]):
 *
 * - events: this device's events minus the acknowledged sync marks (refused ones stay counted:
 *   they stay in the ledger, flagged);
 * - records: master-data edits made here that the server has not acknowledged yet. Each local
 *   edit leaves a note `unsynced:<kind>:<id>` in the device-local settings holding the edit's
 *   clock; the sync removes it once a push carrying that clock is answered, and a refusal removes
 *   it with the edits it gives up. A newer edit rewrites the note, so an answer about an older
 *   copy leaves it in place (decisions/2026-12-01_one-replication-loop.md).
 *
 * Example: a lot edited at clock c1 → note c1 (1 record); edited again at c2 → note c2; the push
 * of the c1 copy is answered → the note (c2) stays; the push of the c2 copy is answered → 0.
 */
import { combineLatest, map, type Observable } from 'rxjs';
import type { RecordKind } from '../../domain/replica';
import type { ChairsideDatabase } from '../collections';

const PREFIX = 'unsynced:';
/** Every note's key sorts between these (';' follows ':'), so one range on the primary key finds them. */
const NOTES = { $gte: PREFIX, $lt: 'unsynced;' };
const noteKey = (kind: RecordKind, id: string) => `${PREFIX}${kind}:${id}`;

export interface UnsyncedCount {
  /** This device's events no server has acknowledged. */
  events: number;
  /** Records edited here whose latest edit no server has acknowledged. */
  records: number;
}

export function watchUnsyncedCount(db: ChairsideDatabase, deviceId: string): Observable<UnsyncedCount> {
  return combineLatest([
    db.events.count({ selector: { deviceId } }).$,
    db.syncmarks.count({ selector: { state: 'acked' } }).$,
    db.settings.count({ selector: { key: NOTES } }).$,
  ]).pipe(map(([own, acked, records]) => ({ events: Math.max(own - acked, 0), records })));
}

/** The records among `ids` with a local edit no server has answered yet. */
export async function pendingRecordEdits(
  db: ChairsideDatabase,
  kind: RecordKind,
  ids: string[],
): Promise<Set<string>> {
  const notes = await db.settings.findByIds(ids.map((id) => noteKey(kind, id))).exec();
  return new Set([...notes.keys()].map((key) => key.slice(noteKey(kind, '').length)));
}

/** Called with every local edit of records (saveRecords): each now exists only here. */
export async function noteRecordEdits(
  db: ChairsideDatabase,
  kind: RecordKind,
  edits: { id: string; clock: string }[],
): Promise<void> {
  if (edits.length === 0) return;
  await db.settings.bulkUpsert(
    edits.map(({ id, clock }) => ({ key: noteKey(kind, id), value: JSON.stringify(clock) })),
  );
}

/**
 * The server answered a push of these copies: a note whose edit clock the pushed copy carries is
 * settled. A note rewritten meanwhile (a newer edit) is not removed: the removal names the
 * revision it read, so the storage refuses it as a conflict.
 */
export async function settleRecordEdits(
  db: ChairsideDatabase,
  kind: RecordKind,
  pushed: { id: string; clocks: Record<string, string> }[],
): Promise<void> {
  if (pushed.length === 0) return;
  const clocksOf = new Map(pushed.map((doc) => [noteKey(kind, doc.id), Object.values(doc.clocks)]));
  const notes = await db.settings.findByIds([...clocksOf.keys()]).exec();
  const settled = [...notes.values()].filter((note) =>
    clocksOf.get(note.key)?.includes(JSON.parse(note.value) as string),
  );
  if (settled.length === 0) return;
  const result = await db.settings.bulkRemove(settled);
  const failed = result.error.find((e) => e.status !== 409);
  if (failed) throw new Error(`could not settle record ${failed.documentId}: status ${failed.status}`);
}

/** Refused records: this tablet's edits of them were given up, so nothing of them is only here. */
export async function forgetRecordEdits(
  db: ChairsideDatabase,
  kind: RecordKind,
  ids: string[],
): Promise<void> {
  if (ids.length === 0) return;
  await db.settings.bulkRemove(ids.map((id) => noteKey(kind, id)));
}
