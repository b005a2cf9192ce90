/**
 * The servers and tablets a simulation schedule runs on (run-schedule.ts):
 *
 * - the full simulation: the real server as a child process (SIGKILL and restart), on PostgreSQL
 *   or embedded PGlite, at the real PBKDF2 cost, and three new tablet workers per schedule;
 * - the fast one: the real fastify app in this process on an in-memory PGlite (no restarts), and
 *   three tablet workers reused across schedules (a worker costs seconds to start; RxDB's open
 *   core allows 13 collections per JavaScript realm, so three tablets cannot share one).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PIN_DEFAULT_ITERATIONS } from '../../src/auth/pin';
import { openPgliteDriver } from '../../sync-server/src/store/pglite-driver';
import type { StoreBackend } from '../server/backends';
import { MAIN, startHarness, TEST_PIN_ITERATIONS, TODAY, type Harness } from '../server/sync-harness';
import { startTablet, type RemoteTablet } from './remote-tablet';
import type { Tablets, World } from './run-schedule';
import { enrollToken, freePort, serverProcess, type ServerStore } from './server-process';

export type Store = 'postgres' | 'pglite';

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The real server process on a fresh store; `stop()` ends it. */
export async function processWorld(
  store: Store,
  postgres: StoreBackend,
): Promise<World & { stop(): Promise<void> }> {
  let where: ServerStore;
  if (store === 'pglite') where = { dataDir: await mkdtemp(join(tmpdir(), 'chairside-sim-')) };
  else {
    const db = await postgres.createDatabase();
    if (!db.url) throw new Error('the PostgreSQL simulation needs a database URL');
    where = { databaseUrl: db.url };
  }
  const server = serverProcess(where, await freePort());
  await server.start();
  return {
    url: server.url,
    today: localToday(),
    // The real server's demo approval keys use the default PBKDF2 cost ([A5]).
    pinIterations: PIN_DEFAULT_ITERATIONS,
    enroll: (name) => enrollToken(server.url, MAIN, name),
    async kill() {
      await server.kill();
      await server.start();
    },
    output: () => server.output(),
    stop: () => server.stop(),
  };
}

/** Three new tablet workers per schedule, ended after it. */
export const freshTablets: Tablets = {
  open: (setup) => startTablet(setup.name, setup.today, setup.pinIterations, setup),
  done: async (tablets) => {
    await Promise.all(tablets.map((t) => t.terminate()));
  },
};

let emptyCluster: Promise<Blob> | undefined;

/** The fastify app with the sync API in this process, on a fresh in-memory PGlite, listening. */
export async function inProcessWorld(): Promise<World & { stop(): Promise<void> }> {
  emptyCluster ??= PGlite.create().then(async (db) => {
    const dump = await db.dumpDataDir('none');
    await db.close();
    return dump;
  });
  const loadDataDir = await emptyCluster;
  const harness: Harness = await startHarness({
    url: null,
    open: () => openPgliteDriver(null, { loadDataDir }),
  });
  await harness.app.listen({ port: 0, host: '127.0.0.1' });
  const address = harness.app.server.address();
  if (!address || typeof address === 'string') throw new Error('the in-process server did not listen');
  return {
    url: `http://127.0.0.1:${address.port}`,
    today: TODAY,
    pinIterations: TEST_PIN_ITERATIONS,
    enroll: async () => (await harness.enroll()).token,
    kill: () => Promise.reject(new Error('the in-process server is never restarted')),
    output: () => '',
    stop: () => harness.close(),
  };
}

/** Three tablet workers kept across schedules: each schedule resets them to brand-new tablets. */
export function reusedTablets(): Tablets & { close(): Promise<void> } {
  let pool: (RemoteTablet | null)[] = [null, null, null];
  return {
    async open(setup, i) {
      const worker = pool[i];
      // A worker that ended (a failed schedule) is replaced.
      const tablet =
        worker && !worker.ended()
          ? await worker.reset(setup)
          : await startTablet(setup.name, setup.today, setup.pinIterations, setup);
      pool[i] = tablet;
      return tablet;
    },
    async done(tablets) {
      pool = [...tablets];
    },
    async close() {
      await Promise.all(pool.map((t) => t?.terminate()));
      pool = [null, null, null];
    },
  };
}
