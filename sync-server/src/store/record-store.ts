/**
 * Master-data records' SQL (SPEC [MD6], [MD7]): a push reads the stored copies and the actors'
 * roles, lets the caller decide (merge, validate, authorize — services/record-push.ts, pure), and
 * writes the changed records, their typed projection ([MD8]) and a NOTIFY — all in one transaction
 * under the organization's advisory lock, so a changed record's new seq never commits behind a
 * checkpoint already pulled.
 */
import type { Role } from '../../../src/domain/model';
import type { FieldClocks, RecordData, RecordKind } from '../../../src/domain/replica';
import type { SqlDriver, SqlExecutor } from './driver';
import { EVENTS_CHANNEL } from './event-store';
import { projectRecords } from './record-projection';
import type { ProjectionSkip } from './record-projection';

/**
 * Advisory-lock class of "one organization's record writes" (ASCII "CHSR"); the key is
 * hashtext(org). Separate from the events' class: a record push never waits for an event push.
 */
export const RECORD_LOCK_CLASS = 0x43485352;

/** NOTIFY payload suffix that tells a records advance from an events one (pg-listener.ts). */
export const RECORDS_NOTIFY_TAG = 'records';

export interface StoredRecord {
  kind: RecordKind;
  id: string;
  data: RecordData;
  clocks: FieldClocks;
  seq: number;
}

/** A record to store: the merged copy and who made its latest change. */
export interface RecordWrite {
  kind: RecordKind;
  id: string;
  data: RecordData;
  clocks: FieldClocks;
  actorId: string | null;
}

export interface BatchContext {
  /** Stored copies of the batch's ids, by `recordKey`. */
  stored: Map<string, StoredRecord>;
  /** Roles of the batch's actors that are staff of the organization (server staff table). */
  roles: Map<string, Role>;
}

export interface BatchOutcome<R> {
  result: R;
  written: { kind: RecordKind; id: string; seq: number }[];
  skipped: ProjectionSkip[];
}

export function recordKey(kind: string, id: string): string {
  return `${kind}/${id}`;
}

const COLUMNS = 'kind, id::text AS id, data, clocks, seq';

export async function lockOrgRecords(tx: SqlExecutor, orgId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RECORD_LOCK_CLASS, orgId]);
}

/**
 * Upserts `writes` (unique keys) of one organization; each row takes a new seq. The caller holds
 * the lock. `onConflict` 'merge' replaces the stored copy (it already merged), 'keep' leaves an
 * existing record alone (the idempotent seed).
 */
export async function writeRecords(
  tx: SqlExecutor,
  orgId: string,
  writes: readonly RecordWrite[],
  onConflict: 'merge' | 'keep' = 'merge',
): Promise<{ kind: RecordKind; id: string; seq: number }[]> {
  if (writes.length === 0) return [];
  const conflict =
    onConflict === 'keep'
      ? 'DO NOTHING'
      : `DO UPDATE SET data = EXCLUDED.data, clocks = EXCLUDED.clocks, actor_id = EXCLUDED.actor_id,
           seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at`;
  return tx.query(
    `INSERT INTO records (org_id, kind, id, data, clocks, actor_id, seq, updated_at)
     SELECT $1, x.kind, x.id, x.data, x.clocks, x.actor_id, nextval('records_seq'), now()
     FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (kind text, id uuid, data jsonb, clocks jsonb,
       actor_id uuid)) WITH ORDINALITY AS x
     ORDER BY x.ordinality
     ON CONFLICT (org_id, kind, id) ${conflict}
     RETURNING kind, id::text AS id, seq`,
    [
      orgId,
      JSON.stringify(
        writes.map((w) => ({ kind: w.kind, id: w.id, data: w.data, clocks: w.clocks, actor_id: w.actorId })),
      ),
    ],
  );
}

export class RecordStore {
  constructor(private readonly driver: SqlDriver) {}

  /**
   * One push, in one transaction: lock, read the stored copies of `ids` and the roles of
   * `actorIds`, ask `decide` what to write, write it, project it, NOTIFY. When `decide` writes
   * nothing (a refusal or an all-unchanged batch), nothing is written.
   */
  applyBatch<R>(
    orgId: string,
    lookup: { ids: readonly string[]; actorIds: readonly string[] },
    decide: (ctx: BatchContext) => { result: R; writes: readonly RecordWrite[] },
    /** More writes in the same transaction, after the records (e.g. an approval key with a PIN). */
    also?: (tx: SqlExecutor, result: R) => Promise<void>,
  ): Promise<BatchOutcome<R>> {
    return this.driver.transaction(async (tx) => {
      await lockOrgRecords(tx, orgId);
      const rows = await tx.query<StoredRecord>(
        `SELECT ${COLUMNS} FROM records WHERE org_id = $1 AND id = ANY($2::uuid[])`,
        [orgId, [...new Set(lookup.ids)]],
      );
      const staff = await tx.query<{ id: string; role: Role }>(
        'SELECT id::text AS id, role FROM staff WHERE org_id = $1 AND id = ANY($2::uuid[])',
        [orgId, [...new Set(lookup.actorIds)]],
      );
      const { result, writes } = decide({
        stored: new Map(rows.map((r) => [recordKey(r.kind, r.id), r])),
        roles: new Map(staff.map((s) => [s.id, s.role])),
      });
      const written = await writeRecords(tx, orgId, writes);
      const skipped = await projectRecords(tx, orgId, writes);
      if (also) await also(tx, result);
      const last = Math.max(0, ...written.map((w) => w.seq));
      if (last > 0)
        await tx.query('SELECT pg_notify($1, $2)', [
          EVENTS_CHANNEL,
          `${orgId} ${last} ${RECORDS_NOTIFY_TAG}`,
        ]);
      return { result, written, skipped };
    });
  }

  /** The stored copies of some records of one kind. */
  byIds(orgId: string, kind: RecordKind, ids: readonly string[]): Promise<StoredRecord[]> {
    return this.driver.query<StoredRecord>(
      `SELECT ${COLUMNS} FROM records WHERE org_id = $1 AND kind = $2 AND id = ANY($3::uuid[])`,
      [orgId, kind, [...new Set(ids)]],
    );
  }

  /** The organization's records of `kind` with seq > afterSeq, in sequence order. */
  since(orgId: string, kind: RecordKind, afterSeq: number, limit: number): Promise<StoredRecord[]> {
    return this.driver.query<StoredRecord>(
      `SELECT ${COLUMNS} FROM records WHERE org_id = $1 AND kind = $2 AND seq > $3 ORDER BY seq LIMIT $4`,
      [orgId, kind, afterSeq, limit],
    );
  }

  /** Highest record seq stored (any organization, any kind); 0 when empty. */
  async maxSeq(): Promise<number> {
    const [row] = await this.driver.query<{ max: number }>(
      'SELECT COALESCE(max(seq), 0)::bigint AS max FROM records',
    );
    return row?.max ?? 0;
  }
}
