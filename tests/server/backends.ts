/**
 * The two store backends the contract suites run on. Each hands out fresh, empty databases:
 *   - PGlite: a real data directory per database, loaded from one initdb'd template (initdb in WASM
 *     takes seconds; loading a copy ~1 s), removed by `cleanup()`;
 *   - PostgreSQL: a throwaway database per test (postgres-test-db.ts), dropped by `cleanup()`.
 * `url` is set for PostgreSQL: the LISTEN/NOTIFY hub needs its own connection.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SqlDriver, StoreKind } from '../../sync-server/src/store/driver';
import { openPgliteDriver } from '../../sync-server/src/store/pglite-driver';
import { openPostgresDriver } from '../../sync-server/src/store/postgres-driver';
import { PostgresTestDatabases } from './postgres-test-db';

export interface TestDatabase {
  /** Opens a new driver on this database; call again after close() to test persistence. */
  open(): Promise<SqlDriver>;
  /** PostgreSQL connection URL; null for PGlite. */
  url: string | null;
}

export interface StoreBackend {
  kind: StoreKind;
  /** A new, empty database for one test. */
  createDatabase(): Promise<TestDatabase>;
  /** Fails with a readable reason when the backend cannot run (PostgreSQL unreachable). */
  assertReady(): Promise<void>;
  cleanup(): Promise<void>;
}

async function emptyClusterTemplate(): Promise<Blob> {
  const db = await PGlite.create();
  try {
    return await db.dumpDataDir('none');
  } finally {
    await db.close();
  }
}

export function pgliteBackend(): StoreBackend {
  const dirs: string[] = [];
  let template: Promise<Blob> | undefined;
  return {
    kind: 'pglite',
    async createDatabase() {
      template ??= emptyClusterTemplate();
      const loadDataDir = await template;
      const dir = await mkdtemp(join(tmpdir(), 'chairside-pglite-'));
      dirs.push(dir);
      let opened = false;
      return {
        url: null,
        async open() {
          const driver = await openPgliteDriver(join(dir, 'pglite'), opened ? {} : { loadDataDir });
          opened = true;
          return driver;
        },
      };
    },
    assertReady: async () => undefined,
    async cleanup() {
      await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
    },
  };
}

export function postgresBackend(): StoreBackend {
  const databases = new PostgresTestDatabases();
  return {
    kind: 'postgres',
    async createDatabase() {
      const url = await databases.create();
      return { url, open: () => openPostgresDriver(url) };
    },
    assertReady: () => databases.assertReachable(),
    cleanup: () => databases.dropAll(),
  };
}
