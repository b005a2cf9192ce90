/**
 * Seeded sync simulation (SPEC [S4]-[S8], "nothing lost"): three real tablets (worker threads) and
 * the real server process on PostgreSQL (and on embedded PGlite, the single-clinic default). A
 * random schedule records draws, takes tablets offline and back, and SIGKILLs the server —
 * sometimes while a push is in flight — then restarts it. At the end every event exists exactly
 * once on the server and on every tablet, and all balances agree with the reducer. A failing run prints its seed and schedule; pin it below as a named regression.
 */
import fc from 'fast-check';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reduceLedger } from '../../src/domain/ledger/reducer';
import type { LedgerEvent } from '../../src/domain/model';
import { postgresBackend } from '../server/backends';
import { MAIN, TODAY } from '../server/sync-harness';
import { buildDemoClinic } from '../../src/domain/demo/clinic';
import { eventually } from './eventually';
import { PIN_DEFAULT_ITERATIONS } from '../../src/auth/pin';
import { startTablet, type RemoteTablet } from './remote-tablet';
import { enrollToken, freePort, serverProcess, type ServerStore } from './server-process';

const backend = postgresBackend();
beforeAll(() => backend.assertReady());
afterAll(() => backend.cleanup());

type Step =
  | { op: 'draw'; tablet: number; units: number }
  | { op: 'toggle'; tablet: number }
  | { op: 'kill' }
  | { op: 'edit'; tablet: number; lot: number; costCents: number; hold: boolean };

/** Lots a manager edits during the run: never Botox's, so draws always have a FEFO suggestion. */
const DEMO = buildDemoClinic(TODAY);
const EDITABLE_LOTS = DEMO.lots.filter((l) => l.productId !== DEMO.products[0]?.id).map((l) => l.id);

/** JSON with sorted keys: PostgreSQL's jsonb and RxDB keep object keys in different orders. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('draw' as const),
      tablet: fc.integer({ min: 0, max: 2 }),
      units: fc.integer({ min: 1, max: 8 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('toggle' as const), tablet: fc.integer({ min: 0, max: 2 }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('kill' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('edit' as const),
      tablet: fc.integer({ min: 0, max: 2 }),
      lot: fc.integer({ min: 0, max: EDITABLE_LOTS.length - 1 }),
      costCents: fc.integer({ min: 100, max: 90_000 }),
      hold: fc.boolean(),
    }),
  },
);

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function serverEvents(url: string): Promise<LedgerEvent[]> {
  const token = await enrollToken(url, MAIN, 'auditor');
  const headers = { authorization: `Bearer ${token}`, 'x-chairside-protocol': '1' };
  const events: LedgerEvent[] = [];
  let checkpoint = { epoch: '', seq: 0 };
  for (let page = 0; page < 1000; page++) {
    const res = await fetch(
      `${url}/api/v1/events/pull?epoch=${checkpoint.epoch}&seq=${checkpoint.seq}&limit=1000`,
      { headers },
    );
    const body = (await res.json()) as {
      documents: (LedgerEvent & { seq: number })[];
      checkpoint: typeof checkpoint;
    };
    events.push(...body.documents.map(({ seq: _seq, ...e }) => e));
    checkpoint = body.checkpoint;
    if (body.documents.length < 1000) break;
  }
  return events;
}

type Store = 'postgres' | 'pglite';

async function storeFor(kind: Store): Promise<ServerStore> {
  if (kind === 'pglite') return { dataDir: await mkdtemp(join(tmpdir(), 'chairside-sim-')) };
  const db = await backend.createDatabase();
  if (!db.url) throw new Error('the PostgreSQL simulation needs a database URL');
  return { databaseUrl: db.url };
}

type WireRecord = { id: string; data: Record<string, unknown>; clocks: Record<string, string> };

/** The server's lot records, sorted by id, as a tablet stores them. */
const auditors = new Map<string, Promise<string>>();

async function serverLotRecords(url: string): Promise<WireRecord[]> {
  // One auditor device per server, however often the copy is read.
  if (!auditors.has(url)) auditors.set(url, enrollToken(url, MAIN, 'records-auditor'));
  const token = await auditors.get(url)!;
  const res = await fetch(`${url}/api/v1/records/pull?kind=lots&epoch=&seq=0&limit=1000`, {
    headers: { authorization: `Bearer ${token}`, 'x-chairside-protocol': '1' },
  });
  if (!res.ok) throw new Error(`records pull: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { documents: WireRecord[] };
  return body.documents
    .map(({ id, data, clocks }) => ({ id, data, clocks }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

async function runSchedule(steps: Step[], store: Store = 'postgres'): Promise<void> {
  const server = serverProcess(await storeFor(store), await freePort());
  const today = localToday();
  const tablets: RemoteTablet[] = [];
  try {
    await server.start();
    // The real server's demo approval keys use the default PBKDF2 cost ([A5]).
    for (const name of ['t0', 't1', 't2'])
      tablets.push(await startTablet(name, today, PIN_DEFAULT_ITERATIONS));
    const tokens = await Promise.all(tablets.map((t) => enrollToken(server.url, MAIN, t.name)));
    const online = [false, false, false];
    const recorded: string[] = [];
    for (const step of steps) {
      if (step.op === 'draw') {
        recorded.push(...(await tablets[step.tablet]!.call<string[]>('draw', step.units)));
      } else if (step.op === 'edit') {
        const changes = { unitCostMicros: step.costCents * 10_000, status: step.hold ? 'hold' : 'available' };
        await tablets[step.tablet]!.call('editLot', EDITABLE_LOTS[step.lot], changes);
      } else if (step.op === 'toggle') {
        const t = tablets[step.tablet]!;
        if (online[step.tablet]) await t.call('disconnect');
        else await t.call('connect', server.url, tokens[step.tablet]);
        online[step.tablet] = !online[step.tablet];
      } else {
        await server.kill();
        await server.start();
      }
    }
    // Everyone comes back online and converges.
    for (const [i, t] of tablets.entries()) if (!online[i]) await t.call('connect', server.url, tokens[i]);
    const expected = new Set(recorded);
    await eventually(
      'the server has every recorded event',
      async () => {
        const ids = new Set((await serverEvents(server.url)).map((e) => e.id));
        return [...expected].every((id) => ids.has(id));
      },
      60_000,
    );
    const onServer = await serverEvents(server.url);
    const ids = onServer.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of tablets) {
      await eventually(
        `${t.name} has every server event`,
        async () => {
          const local = new Set(await t.call<string[]>('eventIds'));
          return ids.every((id) => local.has(id));
        },
        60_000,
      );
      expect(await t.call<string[]>('diff')).toEqual([]);
      expect(await t.call<unknown[]>('marks', 'rejected')).toEqual([]);
    }
    // Balances: every tablet's materialized balance equals the reducer over the server's ledger.
    const state = reduceLedger(onServer);
    for (const [key, balance] of state.lots) {
      const [lotId, locationId] = key.split('|') as [string, string];
      for (const t of tablets)
        expect(await t.call<number>('onHand', lotId, locationId)).toBe(balance.onHandMilli);
    }
    // Master data [MD3]: every tablet holds the server's lot records exactly (fields and clocks).
    // The server's copy is read inside the wait: a tablet's last pushes may still be arriving, and a
    // copy read once before them is stale (issue #11: seed 4242 failed at 65 s every time).
    for (const t of tablets)
      await eventually(
        `${t.name} holds the server's lot records`,
        async () => canonical(await t.call('lots')) === canonical(await serverLotRecords(server.url)),
        60_000,
      );
  } catch (error) {
    throw new Error(`${String(error)}\n--- server output ---\n${server.output().slice(-3000)}`, {
      cause: error,
    });
  } finally {
    await Promise.all(tablets.map((t) => t.terminate()));
    await server.stop();
  }
}

describe('sync simulation', () => {
  it('[S4][S5][S8] random offline windows and server crashes lose nothing and duplicate nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 4, maxLength: 12 }), (steps) => runSchedule(steps)),
      {
        numRuns: 2,
        verbose: 2,
      },
    );
  }, 600_000);

  it('[S4] pinned: the server is killed right after a draw while the tablet is pushing', async () => {
    await runSchedule([
      { op: 'toggle', tablet: 0 },
      { op: 'draw', tablet: 0, units: 5 },
      { op: 'kill' },
      { op: 'draw', tablet: 1, units: 3 },
      { op: 'draw', tablet: 0, units: 2 },
    ]);
  }, 300_000);

  it('[S4][S5][S8] on embedded PGlite too: offline windows and a SIGKILL mid-push lose nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 4, maxLength: 10 }), (steps) =>
        runSchedule(steps, 'pglite'),
      ),
      { numRuns: 1, verbose: 2 },
    );
    await runSchedule(
      [
        { op: 'toggle', tablet: 1 },
        { op: 'draw', tablet: 1, units: 4 },
        { op: 'kill' },
        { op: 'draw', tablet: 2, units: 2 },
      ],
      'pglite',
    );
  }, 600_000);
});
