/**
 * The PostgreSQL driver's transactions when the connection dies (SPEC [SEC10]): the client is
 * released with the error of the failed ROLLBACK (so the pool destroys it), the caller gets the
 * original error, and the pool keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPostgresDriver, poolDriver } from '../../sync-server/src/store/postgres-driver';
import type { PoolLike } from '../../sync-server/src/store/postgres-driver';
import { PostgresTestDatabases } from './postgres-test-db';

const databases = new PostgresTestDatabases();
beforeAll(() => databases.assertReachable());
afterAll(() => databases.dropAll());

/** A pool whose one client fails the statements named in `failing`. */
function fakePool(failing: Record<string, Error>) {
  const release = vi.fn<(error?: Error | boolean) => void>();
  const client = {
    query: vi.fn(async (sql: string) => {
      const error = failing[sql];
      if (error) throw error;
      return { rows: [] };
    }),
    release,
    on: vi.fn(),
    off: vi.fn(),
  };
  const pool = { connect: async () => client, query: vi.fn(), end: async () => undefined };
  return { pool: pool as unknown as PoolLike, release };
}

describe('PostgreSQL driver transactions', () => {
  it('[SEC10] a failed ROLLBACK releases the client with its error; the caller gets the original error', async () => {
    const lost = new Error('Connection terminated unexpectedly');
    const { pool, release } = fakePool({ ROLLBACK: lost });
    const original = new Error('the statement that failed');
    await expect(
      poolDriver(pool).transaction(async () => {
        throw original;
      }),
    ).rejects.toBe(original);
    expect(release).toHaveBeenCalledTimes(1);
    expect(release).toHaveBeenCalledWith(lost);
  });

  it('[SEC10] a connection lost between two statements of a transaction does not crash the process', async () => {
    // Checked out, the client's 'error' has no pool listener: the driver must hear it (see the next test).
    const { pool } = fakePool({});
    const client = await pool.connect();
    await poolDriver({ ...pool, connect: async () => client }).transaction(async () => {
      expect(client.on).toHaveBeenCalledWith('error', expect.any(Function));
    });
    expect(client.off).toHaveBeenCalledWith('error', expect.any(Function));
  });

  it('[SEC10] a rolled-back or committed transaction returns its client to the pool as healthy', async () => {
    const { pool, release } = fakePool({});
    await expect(
      poolDriver(pool).transaction(async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await poolDriver(pool).transaction(async () => 42)).toBe(42);
    expect(release.mock.calls).toEqual([[undefined], [undefined]]);
  });

  it('[SEC10] a backend terminated mid-transaction fails that transaction only; the pool keeps serving', async () => {
    const driver = await openPostgresDriver(await databases.create());
    try {
      const failed = driver.transaction(async (tx) => {
        const [me] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        // Another pooled connection kills this one, as a failover or an operator would.
        await driver.query('SELECT pg_terminate_backend($1)', [me?.pid]);
        await tx.query('SELECT 1');
      });
      // Which error depends on whether the FATAL arrived before the next statement was sent:
      // "terminating connection …", "Connection terminated …" or "… a connection error …".
      await expect(failed).rejects.toThrow(/connection/i);
      // More queries than the pool has clients: a broken client handed out again would fail one.
      for (let i = 0; i < 12; i++) {
        expect(await driver.transaction(async (tx) => tx.query<{ n: number }>('SELECT 1 AS n'))).toEqual([
          { n: 1 },
        ]);
      }
    } finally {
      await driver.close();
    }
  });
});
