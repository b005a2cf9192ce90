/**
 * The balance bound of SPEC [Q4]: no lot × location balance may move past ±MAX_BALANCE_MILLI, so
 * every balance the server keeps (and every tablet sums, [S8]) stays an exact JavaScript number
 * and `GET /api/v1/stock` never meets a BigInt (issue #11: two receives of 2^53 − 1). Checked in
 * the append's transaction, under the organization's lock, after lot_balances is updated; a
 * throw rolls the whole batch back.
 *
 * A balance already past the bound (written before the bound existed) may still move back
 * towards zero: only a move that ends past the bound AND farther from zero is refused.
 */
import { MAX_BALANCE_MILLI } from '../../../src/domain/bounds';
import type { LedgerEvent } from '../../../src/domain/model';
import type { SqlExecutor } from './driver';

export class BalanceBoundError extends Error {
  constructor(
    /** The batch's last inserted event on the lot × location that went past the bound. */
    readonly eventId: string,
    readonly lotId: string,
    readonly locationId: string,
  ) {
    super(
      `the balance of lot ${lotId} at location ${locationId} would pass ${MAX_BALANCE_MILLI} thousandths ` +
        'of a unit: check the quantity',
    );
  }
}

const key = (e: { lotId: string; locationId: string }) => `${e.lotId}|${e.locationId}`;

/** Throws BalanceBoundError when `inserted` carried a balance past the bound. */
export async function assertBalancesInBound(
  tx: SqlExecutor,
  orgId: string,
  inserted: readonly LedgerEvent[],
): Promise<void> {
  if (inserted.length === 0) return;
  const rows = await tx.query<{ lotId: string; locationId: string; onHand: string }>(
    `SELECT lot_id::text AS "lotId", location_id::text AS "locationId", on_hand_milli::text AS "onHand"
     FROM lot_balances WHERE org_id = $1 AND abs(on_hand_milli) > $2 AND lot_id = ANY($3::uuid[])`,
    [orgId, MAX_BALANCE_MILLI, [...new Set(inserted.map((e) => e.lotId))]],
  );
  if (rows.length === 0) return;
  const delta = new Map<string, bigint>();
  const last = new Map<string, string>();
  for (const e of inserted) {
    delta.set(key(e), (delta.get(key(e)) ?? 0n) + BigInt(e.quantityMilli));
    last.set(key(e), e.id);
  }
  const abs = (n: bigint) => (n < 0n ? -n : n);
  for (const row of rows) {
    const moved = delta.get(key(row));
    const eventId = last.get(key(row));
    if (moved === undefined || eventId === undefined) continue;
    const now = BigInt(row.onHand);
    if (abs(now) > abs(now - moved)) throw new BalanceBoundError(eventId, row.lotId, row.locationId);
  }
}
