// The real sync server for the sync benchmarks, as a child process (`sync-server/src/main.ts
// --demo`, the same entry as `npm start`) on 127.0.0.1 at a random port, on a throwaway PostgreSQL
// database created and dropped like the server tests do (tests/server/postgres-test-db.ts). The
// clients run in the bench process, so they do not share the server's event loop.
import { PROTOCOL_VERSION } from '../../src/domain/sync/wire';
import { openPostgresDriver } from '../../sync-server/src/store/postgres-driver';
import { Store } from '../../sync-server/src/store/store';
import type { PostgresTestDatabases } from '../../tests/server/postgres-test-db';
import { startServer } from '../../tests/e2e/support/server';
import type { Device } from '../../tests/server/sync-harness';
import { MAIN } from '../../tests/server/sync-harness';

const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

export interface BenchServer {
  baseUrl: string;
  /** The throwaway database's URL (seeding, and the `pg` baseline in the same database). */
  databaseUrl: string;
  /** Enrolls `n` devices at the demo main location over HTTP. */
  enroll(n: number): Promise<Device[]>;
  stop(): Promise<void>;
}

export function headers(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, 'x-chairside-protocol': String(PROTOCOL_VERSION) };
}

export async function startBenchServer(databases: PostgresTestDatabases): Promise<BenchServer> {
  const databaseUrl = await databases.create();
  const server = await startServer({
    demo: true,
    env: {
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      CHAIRSIDE_ADMIN_TOKEN: ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
    },
  });
  const baseUrl = server.url.replace('//localhost:', '//127.0.0.1:');
  return {
    baseUrl,
    databaseUrl,
    async enroll(n) {
      const devices: Device[] = [];
      for (let i = 0; i < n; i++) devices.push(await enrollOne(baseUrl, i));
      return devices;
    },
    stop: () => server.stop(),
  };
}

/** Runs `fn` on a Store of the bench database (seeding large ledgers without HTTP). */
export async function withStore<T>(databaseUrl: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = new Store(await openPostgresDriver(databaseUrl));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function enrollOne(baseUrl: string, i: number): Promise<Device> {
  const code = await postJson<{ code: string }>(
    `${baseUrl}/api/v1/admin/enroll-codes`,
    { locationIds: [MAIN] },
    { authorization: `Bearer ${ADMIN_TOKEN}` },
  );
  return postJson<Device>(`${baseUrl}/api/v1/devices/enroll`, { code: code.code, deviceName: `bench-${i}` });
}

async function postJson<T>(url: string, body: unknown, extra: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...extra },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
