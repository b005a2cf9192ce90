/**
 * Ordered schema migrations. `migrate` applies every pending one in a single transaction, so a
 * failing migration leaves the database exactly as it was (PostgreSQL DDL is transactional).
 * Never edit a shipped migration: add a new one with the next free id. A pending id below the
 * highest applied one still applies (a database at 7 gets 6): pending = not recorded, not "above max".
 */
import type { SqlDriver, SqlExecutor } from './driver';
import { FOUNDATION_SQL } from './schema-001-foundation';
import { SYNC_SQL } from './schema-002-sync';
import { INTEGRATION_SQL } from './schema-003-integration';
import { RECORDS_SQL } from './schema-004-records';
import { ENROLL_CODE_STATUS_SQL } from './schema-005-enroll-code-status';
import { ADMIN_TOKENS_SQL } from './schema-006-admin-tokens';
import { APPROVALS_SQL } from './schema-007-approvals';
import { RECEIVED_SERIALS_SQL } from './schema-008-received-serials';
import { PURCHASE_ORDER_STATUS_SQL } from './schema-010-purchase-order-status';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'foundation', sql: FOUNDATION_SQL },
  { id: 2, name: 'sync', sql: SYNC_SQL },
  { id: 3, name: 'integration', sql: INTEGRATION_SQL },
  { id: 4, name: 'records', sql: RECORDS_SQL },
  { id: 5, name: 'enroll-code-status', sql: ENROLL_CODE_STATUS_SQL },
  { id: 6, name: 'admin-tokens', sql: ADMIN_TOKENS_SQL },
  { id: 7, name: 'approvals', sql: APPROVALS_SQL },
  { id: 8, name: 'received-serials', sql: RECEIVED_SERIALS_SQL },
  { id: 10, name: 'purchase-order-status', sql: PURCHASE_ORDER_STATUS_SQL },
];

/** Arbitrary constant shared by every Chairside server: "one migrator at a time" (ASCII "CHSD"). */
export const MIGRATION_LOCK_KEY = 0x43485344;

/**
 * Applies pending migrations; returns the ids it applied (empty when up to date).
 *
 * On PostgreSQL two servers may start at once: the transaction first takes an advisory lock, so
 * the second waits, then (READ COMMITTED: each statement sees fresh commits) finds the work done.
 * Example: db at version 0, migrations [1, 2] → applies both, returns [1, 2]; run again → [].
 */
export async function migrate(
  driver: SqlDriver,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  assertOrdered(migrations);
  return driver.transaction(async (tx) => {
    if (driver.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set(
      (await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => r.id),
    );
    const applied: number[] = [];
    for (const migration of migrations.filter((m) => !done.has(m.id))) {
      await apply(tx, migration);
      applied.push(migration.id);
    }
    return applied;
  });
}

async function apply(tx: SqlExecutor, migration: Migration): Promise<void> {
  try {
    await tx.exec(migration.sql);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${migration.id} (${migration.name}) failed: ${reason}`, { cause: error });
  }
  await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [migration.id, migration.name]);
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (previous && m.id <= previous.id)
      throw new Error(`migration ids must increase: ${previous.id} then ${m.id}`);
  });
}

/** Highest applied migration id, 0 for an empty database. */
export async function schemaVersion(db: SqlExecutor): Promise<number> {
  const [table] = await db.query<{ exists: boolean }>(
    "SELECT to_regclass('schema_migrations') IS NOT NULL AS exists",
  );
  if (!table?.exists) return 0;
  const [row] = await db.query<{ version: number }>(
    'SELECT COALESCE(MAX(id), 0)::integer AS version FROM schema_migrations',
  );
  return row?.version ?? 0;
}
