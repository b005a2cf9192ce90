/** Outbox bookkeeping for sync: acknowledged events leave it, refused ones are flagged. */
import type { ChairsideDatabase } from '../db/collections';

export async function settleAcknowledged(db: ChairsideDatabase, eventIds: string[]): Promise<void> {
  if (eventIds.length === 0) return;
  await db.outbox.find({ selector: { eventId: { $in: eventIds } } }).remove();
}

export async function markRejected(
  db: ChairsideDatabase,
  refused: { id: string; reason: string }[],
): Promise<void> {
  for (const { id, reason } of refused) {
    const doc = await db.outbox.findOne(id).exec();
    if (doc) await doc.incrementalPatch({ rejectedReason: reason });
  }
}

export function watchRejected(db: ChairsideDatabase) {
  return db.outbox.find({ selector: { rejectedReason: { $ne: null } } }).$;
}
