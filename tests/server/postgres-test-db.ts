/**
 * Throwaway PostgreSQL databases for tests: each gets a unique name (chairside_t_<random>) so
 * parallel test files never collide, and all are dropped at the end. If the server is unreachable
 * the suite FAILS with the URL and the reason — a PostgreSQL test that silently skips tests nothing.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export class PostgresTestDatabases {
  private readonly created: string[] = [];

  /** Throws a readable error when PostgreSQL cannot be reached; call from beforeAll. */
  async assertReachable(): Promise<void> {
    try {
      await this.admin(async (client) => client.query('SELECT 1'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const where = process.env.CI === 'true' ? ' (CI: PostgreSQL is required)' : '';
      throw new Error(
        `PostgreSQL store tests need a server at TEST_DATABASE_URL=${TEST_DATABASE_URL}${where}: ${reason}. ` +
          'Start PostgreSQL or point TEST_DATABASE_URL at one.',
        { cause: error },
      );
    }
  }

  /** Creates an empty database and returns its connection URL. */
  async create(): Promise<string> {
    const name = `chairside_t_${randomBytes(6).toString('hex')}`;
    await this.admin((client) => client.query(`CREATE DATABASE ${name}`));
    this.created.push(name);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    return url.toString();
  }

  async dropAll(): Promise<void> {
    const names = this.created.splice(0);
    if (names.length === 0) return;
    await this.admin(async (client) => {
      for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  }

  private async admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }
}
