/**
 * Pushing a batch so that one bad item cannot stop the items behind it (SPEC [S26]).
 *
 * - The server names what it refuses (403 `rejected`, 400 `eventId`/`recordId`): those are handed
 *   to the channel (flagged where staff see refusals) and the rest is sent again ([S15], [MD5]).
 * - A refusal of the batch as a whole (a 400 or 403 naming nothing) or a 500 while the server is
 *   otherwise healthy means something in the batch is poison: the batch is split in halves, each
 *   pushed on its own, down to the one item that fails. A 400/403 for one item alone flags it; a
 *   500 for one item alone flags it after POISON_ATTEMPTS tries.
 * - "Otherwise healthy" is checked with an empty push: it passes the device guard and the store,
 *   so when it succeeds the 500 came from the batch's content. Anything else — offline, 401, 426,
 *   a 502-504 from a proxy, an empty push failing too — is thrown, and RxDB retries the whole
 *   batch later: an outage never flags work.
 *
 * Example: [a, b, c, d] where c makes the server answer 500 → [a, b] stored, [c, d] 500 → [c]
 * 500 ×3 → c flagged "the server fails on this item: …"; [d] stored.
 */
import { SyncError } from './api';
import type { Channel } from './channel';
import type { Rejection } from '../domain/sync/wire';

/** Tries of one item alone answering 500 (with the server healthy) before it is flagged. */
export const POISON_ATTEMPTS = 3;

type Flag = (refused: Rejection[]) => Promise<void>;

const isRefusal = (e: SyncError) => e.kind === 'forbidden' || e.kind === 'bad_request';

/** The server's own words for a refusal, else the client's summary. */
export function refusalReason(error: SyncError): string {
  const body = error.body as { message?: unknown } | null;
  return typeof body?.message === 'string' ? body.message : error.message;
}

/** Whether `error` says "something in this batch", not "the server or the network". */
async function blamesBatch<Doc extends { id: string }, Item>(
  channel: Channel<Doc, Item>,
  error: SyncError,
): Promise<boolean> {
  if (isRefusal(error)) return true;
  if (error.kind !== 'server' || error.status !== 500) return false;
  try {
    await channel.pushBatch([]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Pushes `docs`, flagging refused and poison items through `flag`; throws what blames no item.
 * Resolves true when any accepted part's answer asked for a pull from the start ([S35]).
 */
export async function pushIsolating<Doc extends { id: string }, Item>(
  channel: Channel<Doc, Item>,
  docs: Doc[],
  flag: Flag,
): Promise<boolean> {
  let pending = docs;
  let failures = 0;
  while (pending.length > 0) {
    try {
      return (await channel.pushBatch(pending))?.repull === true;
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      const refused = isRefusal(error) ? channel.readRefusals(error) : [];
      if (refused.length > 0) {
        await flag(refused);
        const ids = new Set(refused.map((r) => r.id));
        pending = pending.filter((doc) => !ids.has(doc.id));
        continue;
      }
      if (!(await blamesBatch(channel, error))) throw error;
      const [only] = pending;
      if (pending.length > 1 || !only) {
        const half = Math.ceil(pending.length / 2);
        const firstRepull = await pushIsolating(channel, pending.slice(0, half), flag);
        const secondRepull = await pushIsolating(channel, pending.slice(half), flag);
        return firstRepull || secondRepull;
      }
      failures += 1;
      if (isRefusal(error)) {
        await flag([{ id: only.id, reason: refusalReason(error) }]);
        return false;
      }
      if (failures >= POISON_ATTEMPTS) {
        await flag([{ id: only.id, reason: `the server fails on this item: ${refusalReason(error)}` }]);
        return false;
      }
    }
  }
  return false;
}
