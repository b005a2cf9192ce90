/** SqlDriver over PostgreSQL with a `pg` connection pool (used when DATABASE_URL is set). */
import pg from 'pg';
import type { PoolClient } from 'pg';
import { PG_OID, parseInt8 } from './driver';
import type { SqlDriver, SqlExecutor } from './driver';

/**
 * Per-pool type parsers (not pg's global registry, which would leak into other pools) that match
 * PGlite: see driver.ts for the shapes.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === PG_OID.INT8) return parseInt8;
    if (oid === PG_OID.DATE) return (text: string) => text;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/** Opens a pool and checks it can connect, so a wrong URL fails at startup, not on first request. */
export async function openPostgresDriver(connectionString: string): Promise<SqlDriver> {
  const pool = new pg.Pool({ connectionString, types, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot connect to PostgreSQL at ${redact(connectionString)}: ${reason}`, {
      cause: error,
    });
  }
  return poolDriver(pool);
}

/** The pool's part of pg used here (tests pass a fake to watch what a client is released with). */
export interface PoolLike {
  query: pg.Pool['query'];
  connect(): Promise<Pick<PoolClient, 'query' | 'release' | 'on' | 'off'>>;
  end(): Promise<void>;
}

/**
 * A driver over a pool. A transaction whose ROLLBACK fails (the connection died mid-transaction)
 * releases its client with that error, so the pool destroys it instead of handing a broken or
 * still-in-a-transaction connection to the next caller; the caller still gets the original error.
 * While checked out, the client's 'error' event (its backend terminated between two statements)
 * is ours to handle: pg-pool listens only to idle clients, and an unheard 'error' ends the process.
 */
export function poolDriver(pool: PoolLike): SqlDriver {
  return {
    kind: 'postgres',
    ...executor(pool),
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      const onError = (error: Error): void => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken ??= rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

function executor(db: Pick<pg.Pool, 'query'> | Pick<PoolClient, 'query'>): SqlExecutor {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await db.query(sql, [...params]);
      return result.rows as T[];
    },
    async exec(sql: string): Promise<void> {
      // Without parameters pg uses the simple-query protocol, which accepts multi-statement scripts.
      await db.query(sql);
    },
  };
}

/** The URL without its password, safe for logs: postgres://app:secret@db/x → postgres://app@db/x. */
function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    url.password = '';
    return url.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
