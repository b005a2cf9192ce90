// sync.*: the sync server on PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
// each scenario gets a throwaway database, dropped at the end) with the real server process on
// 127.0.0.1 and clients in this process. See bench/sync/README.md.
//   sync.push_events_per_s          one client pushes 10,000 events in batches of 500 over HTTP
//   sync.bootstrap_100k_s           the real tablet (RxDB, worker thread) bootstraps a 100,000-event
//                                   ledger; baseline: the same pulls over plain HTTP, nothing stored
//   sync.fanout_50_tablets_s        50 protocol clients push 200 each; all hold all 10,000
import { PostgresTestDatabases } from '../../tests/server/postgres-test-db';
import { median } from '../lib/report';
import type { MetricInput } from '../lib/types';
import { clientBootstrap, httpBootstrap, seedLedger } from '../sync/bootstrap';
import { measureFanout } from '../sync/fanout';
import { measurePush } from '../sync/push';
import { startBenchServer } from '../sync/server';
import type { BenchServer } from '../sync/server';

const PUSH = { total: 10_000, batch: 500, warmup: 1_000, rounds: 3 };
const PUSH_BUDGET_PER_S = 5_000;
const PUSH_MIN_RATIO = 0.25;
const BOOTSTRAP = {
  events: 100_000,
  budgetS: 30,
  /** Each round: the HTTP baseline, then a fresh tablet; the median of each. */
  rounds: Number(process.env.BENCH_SYNC_BOOTSTRAP_ROUNDS ?? 3),
  timeoutMs: 180_000,
};
const FANOUT = { tablets: 50, own: 200, budgetS: 30, timeoutMs: 120_000 };
/** The demo clinic's receipts: every fresh server starts with these events. */
const DEMO_EVENTS = 10;

const log = (line: string): void => {
  process.stderr.write(`  sync: ${line}\n`);
};

async function withServer<T>(
  databases: PostgresTestDatabases,
  fn: (s: BenchServer) => Promise<T>,
): Promise<T> {
  const server = await startBenchServer(databases);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

async function push(databases: PostgresTestDatabases): Promise<MetricInput> {
  return withServer(databases, async (server) => {
    const [device] = await server.enroll(1);
    if (!device) throw new Error('no device enrolled');
    const r = await measurePush(server.baseUrl, server.databaseUrl, device, PUSH);
    const ratio = r.eventsPerS / r.baselinePerS;
    log(
      `push ${r.eventsPerS.toFixed(0)} events/s; plain pg INSERT ${r.baselinePerS.toFixed(0)} rows/s; ratio ${ratio.toFixed(2)}`,
    );
    // Two budgets, ≥ 5,000/s and ratio ≥ 0.25: the budget column is the stricter of the two.
    const budget = Math.round(Math.max(PUSH_BUDGET_PER_S, PUSH_MIN_RATIO * r.baselinePerS));
    return {
      name: 'sync.push_events_per_s',
      value: r.eventsPerS,
      unit: 'ops/s',
      baseline: r.baselinePerS,
      budget,
    };
  });
}

async function bootstrap(databases: PostgresTestDatabases): Promise<MetricInput> {
  return withServer(databases, async (server) => {
    const seedStart = performance.now();
    await seedLedger(server.databaseUrl, BOOTSTRAP.events - DEMO_EVENTS, 0);
    log(
      `seeded ${BOOTSTRAP.events} events in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (not measured)`,
    );
    const httpS: number[] = [];
    const clientS: number[] = [];
    for (let round = 0; round < BOOTSTRAP.rounds; round++) {
      const [device] = await server.enroll(1);
      if (!device) throw new Error('no device enrolled');
      httpS.push(await httpBootstrap(server.baseUrl, device.token, BOOTSTRAP.events));
      const r = await clientBootstrap(server.baseUrl, device.token, BOOTSTRAP.events, BOOTSTRAP.timeoutMs);
      if (!r.finished) {
        throw new Error(
          `the tablet held ${r.received}/${BOOTSTRAP.events} events after ${r.seconds.toFixed(0)} s (stalled)`,
        );
      }
      clientS.push(r.seconds);
      log(
        `bootstrap of ${BOOTSTRAP.events} events, round ${round + 1}: tablet ${r.seconds.toFixed(1)} s ` +
          `(${((r.seconds * 1000) / BOOTSTRAP.events).toFixed(3)} ms/event), HTTP alone ${httpS[round]?.toFixed(1)} s`,
      );
    }
    return {
      name: 'sync.bootstrap_100k_s',
      value: median(clientS),
      unit: 's',
      baseline: median(httpS),
      budget: BOOTSTRAP.budgetS,
    };
  });
}

async function fanout(databases: PostgresTestDatabases): Promise<MetricInput> {
  return withServer(databases, async (server) => {
    const devices = await server.enroll(FANOUT.tablets);
    const r = await measureFanout(server.baseUrl, devices, FANOUT.own, FANOUT.timeoutMs);
    log(
      `fan-out: ${r.converged} tablets × ${FANOUT.tablets * FANOUT.own} events in ${r.seconds.toFixed(1)} s`,
    );
    return {
      name: 'sync.fanout_50_tablets_s',
      value: r.seconds,
      unit: 's',
      baseline: null,
      budget: FANOUT.budgetS,
    };
  });
}

export default async function sync(): Promise<MetricInput[]> {
  const started = performance.now();
  const databases = new PostgresTestDatabases();
  await databases.assertReachable();
  try {
    const results = [await push(databases), await bootstrap(databases), await fanout(databases)];
    log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return results;
  } finally {
    await databases.dropAll();
  }
}
