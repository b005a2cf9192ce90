/**
 * The one SQL seam of the server. Two backends implement it — embedded PGlite (default, zero
 * setup) and PostgreSQL through `pg` (DATABASE_URL) — and both return rows in the same shape:
 *   - int8/bigint → number when it is a safe integer, else BigInt (so sums never silently lose digits);
 *   - date → the 'YYYY-MM-DD' string as stored (never a timezone-shifted Date);
 *   - timestamptz → Date; jsonb → parsed value; arrays → JS arrays.
 * The store contract tests (tests/server/store-contract.ts) pin this down for both backends.
 */

export type StoreKind = 'pglite' | 'postgres';

export interface SqlExecutor {
  /** One parameterised statement ($1, $2, …); returns its rows. */
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** A script of one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlDriver extends SqlExecutor {
  readonly kind: StoreKind;
  /** Runs `fn` in BEGIN … COMMIT; any throw rolls back and is rethrown. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** int8 text → number if exact, BigInt otherwise: parseInt8('42') = 42, parseInt8('9007199254740993') = 9007199254740993n. */
export function parseInt8(text: string): number | bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
}

/** pg type OIDs we parse identically on both backends. */
export const PG_OID = { INT8: 20, DATE: 1082 } as const;
