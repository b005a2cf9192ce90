/**
 * What the server said about this tablet's work: events acknowledged or refused with a reason,
 * and refused records (`kind:id`). Written by the sync after each answer.
 */
import type { ChairsideDatabase } from '../collections';

export async function settleAcknowledged(db: ChairsideDatabase, eventIds: string[]): Promise<void> {
  if (eventIds.length === 0) return;
  await db.syncmarks.bulkUpsert(
    eventIds.map((eventId) => ({ eventId, state: 'acked' as const, reason: null })),
  );
}

export async function markRejected(
  db: ChairsideDatabase,
  refused: { id: string; reason: string }[],
): Promise<void> {
  if (refused.length === 0) return;
  await db.syncmarks.bulkUpsert(
    refused.map(({ id, reason }) => ({ eventId: id, state: 'rejected' as const, reason })),
  );
}

export function watchRejected(db: ChairsideDatabase) {
  return db.syncmarks.find({ selector: { state: 'rejected' } }).$;
}
