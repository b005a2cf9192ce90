/**
 * Carton serials at append time (SPEC [RC8]), inside the organization's append transaction (its
 * advisory lock is held, so two pushes never both take one serial). A `receive` whose carton
 * serial (payload.serials, space-separated) of the same product was already received, by a stored
 * event or by an earlier event of this batch, is refused: it is not appended and the push answers it
 * as a conflict with the reason. A correction of a receive gives its serials back.
 *
 * The product is the event's `payload.productId` (the carton read, [MD12]) or the lot's; a receive
 * whose lot the server does not know yet cannot be checked and is appended.
 *
 * Example: stored r1 (product P, serials "S1 S2"); batch [r2 P "S2 S3", r3 P "S3"] →
 *   r2 refused ("carton S2 … already received"), r3 appended and takes S3.
 */
import type { LedgerEvent } from '../../../src/domain/model';
import { serialsOf } from '../../../src/domain/receiving/serials';
import type { Rejection } from '../../../src/domain/sync/wire';
import type { SqlExecutor } from './driver';

export interface SerialCheck {
  /** Events to append (batch order). */
  accepted: LedgerEvent[];
  refused: Rejection[];
  /** Serials the accepted receives take, written after they are appended. */
  taken: { productId: string; serial: string; eventId: string }[];
}

async function productsOf(tx: SqlExecutor, receives: readonly LedgerEvent[]): Promise<Map<string, string>> {
  const byEvent = new Map<string, string>();
  const unknown: string[] = [];
  for (const e of receives) {
    const named = e.payload.productId;
    if (typeof named === 'string') byEvent.set(e.id, named);
    else unknown.push(e.lotId);
  }
  if (unknown.length > 0) {
    const rows = await tx.query<{ id: string; product_id: string }>(
      'SELECT id::text AS id, product_id::text AS product_id FROM lots WHERE id = ANY($1::uuid[])',
      [[...new Set(unknown)]],
    );
    const lotProduct = new Map(rows.map((r) => [r.id, r.product_id]));
    for (const e of receives) {
      const product = lotProduct.get(e.lotId);
      if (!byEvent.has(e.id) && product) byEvent.set(e.id, product);
    }
  }
  return byEvent;
}

export async function checkSerials(
  tx: SqlExecutor,
  orgId: string,
  events: readonly LedgerEvent[],
): Promise<SerialCheck> {
  const receives = events.filter((e) => e.type === 'receive' && serialsOf(e).length > 0);
  if (receives.length === 0) return { accepted: [...events], refused: [], taken: [] };
  const products = await productsOf(tx, receives);
  const wanted = receives.flatMap((e) => {
    const productId = products.get(e.id);
    return productId ? serialsOf(e).map((serial) => ({ productId, serial })) : [];
  });
  const stored = await tx.query<{ product_id: string; serial: string; event_id: string }>(
    `SELECT product_id::text AS product_id, serial, event_id::text AS event_id FROM received_serials
     WHERE org_id = $1 AND (product_id::text || '|' || serial) = ANY($2::text[])`,
    [orgId, wanted.map((w) => `${w.productId}|${w.serial}`)],
  );
  const holder = new Map(stored.map((r) => [`${r.product_id}|${r.serial}`, r.event_id]));
  const refusedIds = new Set<string>();
  const refused: Rejection[] = [];
  const taken: SerialCheck['taken'] = [];
  for (const e of receives) {
    const productId = products.get(e.id);
    if (!productId) continue;
    const serials = serialsOf(e);
    const clash = serials.find((s) => {
      const by = holder.get(`${productId}|${s}`);
      return by !== undefined && by !== e.id; // a re-sent copy of the same event is not a clash
    });
    if (clash !== undefined) {
      refusedIds.add(e.id);
      refused.push({
        id: e.id,
        reason: `carton ${clash} of this product was already received: a duplicate or re-labelled box`,
      });
      continue;
    }
    for (const serial of serials) {
      holder.set(`${productId}|${serial}`, e.id);
      taken.push({ productId, serial, eventId: e.id });
    }
  }
  return { accepted: events.filter((e) => !refusedIds.has(e.id)), refused, taken };
}

/** After the append: the inserted receives take their serials; inserted corrections give theirs back. */
export async function recordSerials(
  tx: SqlExecutor,
  orgId: string,
  check: SerialCheck,
  inserted: readonly LedgerEvent[],
): Promise<void> {
  const fresh = new Set(inserted.map((e) => e.id));
  const taken = check.taken.filter((t) => fresh.has(t.eventId));
  if (taken.length > 0)
    await tx.query(
      `INSERT INTO received_serials (org_id, product_id, serial, event_id)
       SELECT $1, t.product_id::uuid, t.serial, t.event_id::uuid
       FROM jsonb_to_recordset($2::jsonb) AS t(product_id text, serial text, event_id text)
       ON CONFLICT DO NOTHING`,
      [
        orgId,
        JSON.stringify(
          taken.map((t) => ({ product_id: t.productId, serial: t.serial, event_id: t.eventId })),
        ),
      ],
    );
  const voided = inserted.flatMap((e) => (e.correctsId ? [e.correctsId] : []));
  if (voided.length > 0)
    await tx.query('DELETE FROM received_serials WHERE org_id = $1 AND event_id = ANY($2::uuid[])', [
      orgId,
      voided,
    ]);
}
