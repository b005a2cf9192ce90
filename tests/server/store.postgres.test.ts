import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../sync-server/src/store/migrations';
import { openPostgresDriver } from '../../sync-server/src/store/postgres-driver';
import { PostgresTestDatabases } from './postgres-test-db';
import { defineStoreContract } from './store-contract';

const databases = new PostgresTestDatabases();
beforeAll(() => databases.assertReachable());
afterAll(() => databases.dropAll());

defineStoreContract({
  kind: 'postgres',
  async createDatabase() {
    const url = await databases.create();
    return { open: () => openPostgresDriver(url) };
  },
});

describe('PostgreSQL-only', () => {
  it('[SV2] two servers migrating the same database at once both succeed (advisory lock)', async () => {
    const url = await databases.create();
    const drivers = await Promise.all(Array.from({ length: 4 }, () => openPostgresDriver(url)));
    try {
      const applied = await Promise.all(drivers.map((d) => migrate(d)));
      expect(applied.flat()).toEqual(MIGRATIONS.map((m) => m.id));
      const rows = await drivers[0]?.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
      expect(rows?.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    } finally {
      await Promise.all(drivers.map((d) => d.close()));
    }
  });

  it('fails at open with the reason when the database does not exist', async () => {
    const url = new URL(await databases.create());
    url.pathname = '/chairside_t_does_not_exist';
    await expect(openPostgresDriver(url.toString())).rejects.toThrow(/does not exist/);
  });
});
