/** SqlDriver over embedded PGlite (Postgres compiled to WASM): the default, zero-setup store. */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import { PG_OID, parseInt8 } from './driver';
import type { SqlDriver, SqlExecutor } from './driver';

export interface PgliteDriverOptions {
  /**
   * A `dumpDataDir()` tarball to start an empty data dir from instead of running initdb (seconds
   * of WASM work). Tests use it to get a fresh database per test quickly.
   */
  loadDataDir?: Blob;
}

/** Opens PGlite on `dataDir` (created if missing), or in memory when `dataDir` is null. */
export async function openPgliteDriver(
  dataDir: string | null,
  opts: PgliteDriverOptions = {},
): Promise<SqlDriver> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const parsers = { [PG_OID.INT8]: parseInt8, [PG_OID.DATE]: (text: string) => text };
  const db = await PGlite.create(dataDir ?? undefined, { parsers, loadDataDir: opts.loadDataDir });
  return {
    kind: 'pglite',
    ...executor(db),
    transaction: (fn) => db.transaction((tx) => fn(executor(tx))),
    close: () => db.close(),
  };
}

function executor(db: PGlite | Transaction): SqlExecutor {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await db.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await db.exec(sql);
    },
  };
}
