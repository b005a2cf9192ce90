/**
 * The event ledger's SQL: append (idempotent, serialized per organization), pull by sequence, and
 * the balances kept beside it. SPEC [S4], [S5], [S6], [S8].
 */
import type { LedgerEvent } from '../../../src/domain/model';
import { assertBalancesInBound } from './balance-bound';
import type { SqlDriver, SqlExecutor } from './driver';
import { checkSerials, recordSerials } from './serial-ledger';
import type { Rejection } from '../../../src/domain/sync/wire';

/** Advisory-lock class of "one organization's event inserts" (ASCII "CHSE"); the key is hashtext(org). */
export const EVENT_LOCK_CLASS = 0x43485345;

/** The NOTIFY channel; its payload is "<orgId> <seq>" (see pg-listener.ts). */
export const EVENTS_CHANNEL = 'chairside_events';

export interface StoredEvent extends LedgerEvent {
  seq: number;
}

export interface AppendResult {
  /** Newly stored ids with their sequence numbers, in sequence order. */
  inserted: { id: string; seq: number }[];
  /** The stored copy of every id that was already present (any organization's). */
  existing: StoredEvent[];
  /** Receives not appended: a carton serial already received ([RC8], serial-ledger.ts). */
  refused: Rejection[];
}

export interface ServerBalance {
  lotId: string;
  locationId: string;
  onHandMilli: number;
  eventCount: number;
}

const COLUMNS = `seq, id, org_id, type, lot_id, location_id, quantity_milli, actor_id, device_id, device_time,
  device_time_text, visit_id, corrects_id, container_id, payload`;

interface EventRow {
  seq: number;
  id: string;
  org_id: string;
  type: LedgerEvent['type'];
  lot_id: string;
  location_id: string;
  quantity_milli: number;
  actor_id: string;
  device_id: string;
  device_time: Date;
  device_time_text: string | null;
  visit_id: string | null;
  corrects_id: string | null;
  container_id: string | null;
  payload: LedgerEvent['payload'];
}

function toEvent(r: EventRow): StoredEvent {
  return {
    seq: r.seq,
    id: r.id,
    orgId: r.org_id,
    type: r.type,
    lotId: r.lot_id,
    locationId: r.location_id,
    quantityMilli: r.quantity_milli,
    actorId: r.actor_id,
    deviceId: r.device_id,
    // Rows written before migration 2 (the demo seed) have no text copy.
    deviceTime: r.device_time_text ?? r.device_time.toISOString(),
    visitId: r.visit_id,
    containerId: r.container_id,
    correctsId: r.corrects_id,
    payload: r.payload,
  };
}

/**
 * One statement inserts the batch (ON CONFLICT DO NOTHING), adds the inserted rows to
 * lot_balances and tells other server processes (NOTIFY, delivered at commit).
 */
const APPEND_SQL = `
WITH ins AS (
  INSERT INTO events (id, org_id, type, lot_id, location_id, quantity_milli, actor_id, device_id, device_time,
    device_time_text, visit_id, corrects_id, container_id, payload)
  SELECT x.id, x.org_id, x.type, x.lot_id, x.location_id, x.quantity_milli, x.actor_id, x.device_id,
    x.device_time::timestamptz, x.device_time, x.visit_id, x.corrects_id, x.container_id, x.payload
  FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id uuid, org_id uuid, type text, lot_id uuid,
    location_id uuid, quantity_milli bigint, actor_id uuid, device_id text, device_time text, visit_id uuid,
    corrects_id uuid, container_id uuid, payload jsonb)) WITH ORDINALITY AS x
  ORDER BY x.ordinality
  ON CONFLICT (id) DO NOTHING
  RETURNING id, seq, org_id, lot_id, location_id, quantity_milli
), bal AS (
  INSERT INTO lot_balances (org_id, lot_id, location_id, on_hand_milli, event_count)
  SELECT org_id, lot_id, location_id, sum(quantity_milli), count(*) FROM ins GROUP BY 1, 2, 3
  ON CONFLICT (org_id, lot_id, location_id) DO UPDATE SET
    on_hand_milli = lot_balances.on_hand_milli + EXCLUDED.on_hand_milli,
    event_count = lot_balances.event_count + EXCLUDED.event_count
)
SELECT id::text AS id, seq FROM ins ORDER BY seq`;

function toRow(e: LedgerEvent): Record<string, unknown> {
  return {
    id: e.id,
    org_id: e.orgId,
    type: e.type,
    lot_id: e.lotId,
    location_id: e.locationId,
    quantity_milli: e.quantityMilli,
    actor_id: e.actorId,
    device_id: e.deviceId,
    device_time: e.deviceTime,
    visit_id: e.visitId,
    corrects_id: e.correctsId,
    container_id: e.containerId,
    payload: e.payload,
  };
}

/**
 * Appends events of ONE organization inside `tx`. The advisory lock serializes the organization's
 * inserts, so sequence numbers commit in order and a puller never skips a row that commits later
 * ([S5]). Ids must be unique within `events` (the caller deduplicates the batch). A batch that
 * would carry a balance past the bound throws BalanceBoundError and writes nothing ([Q4]).
 */
export async function appendEvents(
  tx: SqlExecutor,
  orgId: string,
  events: readonly LedgerEvent[],
): Promise<AppendResult> {
  if (events.length === 0) return { inserted: [], existing: [], refused: [] };
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [EVENT_LOCK_CLASS, orgId]);
  const serials = await checkSerials(tx, orgId, events);
  const inserted =
    serials.accepted.length === 0
      ? []
      : await tx.query<{ id: string; seq: number }>(APPEND_SQL, [
          JSON.stringify(serials.accepted.map(toRow)),
        ]);
  const fresh = new Set(inserted.map((r) => r.id));
  await recordSerials(
    tx,
    orgId,
    serials,
    events.filter((e) => fresh.has(e.id)),
  );
  const refusedIds = new Set(serials.refused.map((r) => r.id));
  await assertBalancesInBound(
    tx,
    orgId,
    events.filter((e) => fresh.has(e.id)),
  );
  const others = events.filter((e) => !fresh.has(e.id) && !refusedIds.has(e.id)).map((e) => e.id);
  const existing =
    others.length === 0
      ? []
      : (await tx.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE id = ANY($1::uuid[])`, [others])).map(
          toEvent,
        );
  const last = inserted.at(-1);
  if (last) await tx.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, `${orgId} ${last.seq}`]);
  return { inserted, existing, refused: serials.refused };
}

export class EventStore {
  constructor(private readonly driver: SqlDriver) {}

  append(orgId: string, events: readonly LedgerEvent[]): Promise<AppendResult> {
    return this.driver.transaction((tx) => appendEvents(tx, orgId, events));
  }

  /** The organization's events with seq > afterSeq, in sequence order. */
  async since(orgId: string, afterSeq: number, limit: number): Promise<StoredEvent[]> {
    const rows = await this.driver.query<EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE org_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [orgId, afterSeq, limit],
    );
    return rows.map(toEvent);
  }

  /** The organization's stored events among `ids` (others' ids behave as unknown, [S2]). */
  async byIds(orgId: string, ids: readonly string[]): Promise<StoredEvent[]> {
    if (ids.length === 0) return [];
    const rows = await this.driver.query<EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE org_id = $1 AND id = ANY($2::uuid[])`,
      [orgId, ids],
    );
    return rows.map(toEvent);
  }

  /** Highest sequence number stored (any organization); 0 when empty. */
  async maxSeq(): Promise<number> {
    const [row] = await this.driver.query<{ max: number }>(
      'SELECT COALESCE(max(seq), 0)::bigint AS max FROM events',
    );
    return row?.max ?? 0;
  }

  async epoch(): Promise<string> {
    const [row] = await this.driver.query<{ epoch: string }>('SELECT epoch::text AS epoch FROM server_meta');
    if (!row) throw new Error('server_meta has no epoch: is the database migrated?');
    return row.epoch;
  }

  async balances(orgId: string): Promise<ServerBalance[]> {
    return this.driver.query<ServerBalance>(
      `SELECT lot_id::text AS "lotId", location_id::text AS "locationId", on_hand_milli AS "onHandMilli",
              event_count AS "eventCount"
       FROM lot_balances WHERE org_id = $1 ORDER BY lot_id, location_id`,
      [orgId],
    );
  }
}
