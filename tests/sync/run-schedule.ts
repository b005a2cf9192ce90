/**
 * Runs one simulation schedule (schedule.ts) on three real tablets and a server (a World), with
 * the fault proxy between them, then checks what must hold after any schedule ([S34]):
 *
 * - every event exists exactly once on the server and on every tablet (the same set everywhere:
 *   nothing a tablet saved — even one killed mid-command — is missing, nothing acknowledged is lost);
 * - every tablet's balances equal the reducer over the server's ledger, nothing is refused;
 * - every tablet holds the server's lot records exactly, fields and clocks ([MD3]).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { reduceLedger } from '../../src/domain/ledger/reducer';
import type { LedgerEvent } from '../../src/domain/model';
import { eventually } from './eventually';
import { NO_FAULTS, startFaultProxy, type FaultProxy, type FaultRates } from './fault-proxy';
import type { RemoteTablet, TabletSetup } from './remote-tablet';
import { EDITABLE_LOTS, type Schedule } from './schedule';

/** A server the simulation runs against: a child process (restartable) or an in-process app. */
export interface World {
  /** The server's own address: auditors read it directly, past the proxy. */
  url: string;
  today: string;
  pinIterations: number;
  /** A device token for a new device at the demo's main location. */
  enroll(name: string): Promise<string>;
  /** SIGKILL and restart on the same store (the `kill` step). */
  kill(): Promise<void>;
  output(): string;
}

export interface Tablets {
  /** A tablet for this schedule (a new worker, or a reused one reset). */
  open(setup: TabletSetup, index: number): Promise<RemoteTablet>;
  /** The schedule is over: the tablets as they are now (crashed ones were replaced). */
  done(tablets: RemoteTablet[]): Promise<void>;
}

export interface RunOptions {
  rates: FaultRates;
  tablets: Tablets;
  /** How long convergence may take after the network heals. */
  convergeMs: number;
}

/** JSON with sorted keys: PostgreSQL's jsonb and RxDB keep object keys in different orders. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const deviceHeaders = (token: string) => ({ authorization: `Bearer ${token}`, 'x-chairside-protocol': '1' });

/** Each server event's sequence number (diagnostics). */
async function serverSeqs(url: string, token: string): Promise<Map<string, number>> {
  const res = await fetch(`${url}/api/v1/events/pull?epoch=&seq=0&limit=1000`, {
    headers: deviceHeaders(token),
  });
  const body = (await res.json()) as { documents: { id: string; seq: number }[] };
  return new Map(body.documents.map((d) => [d.id, d.seq]));
}

async function serverEvents(url: string, token: string): Promise<LedgerEvent[]> {
  const events: LedgerEvent[] = [];
  let checkpoint = { epoch: '', seq: 0 };
  for (let page = 0; page < 1000; page++) {
    const res = await fetch(
      `${url}/api/v1/events/pull?epoch=${checkpoint.epoch}&seq=${checkpoint.seq}&limit=1000`,
      { headers: deviceHeaders(token) },
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

type WireRecord = { id: string; data: Record<string, unknown>; clocks: Record<string, string> };

/** The server's lot records, sorted by id, as a tablet stores them. */
async function serverLotRecords(url: string, token: string): Promise<WireRecord[]> {
  const res = await fetch(`${url}/api/v1/records/pull?kind=lots&epoch=&seq=0&limit=1000`, {
    headers: deviceHeaders(token),
  });
  if (!res.ok) throw new Error(`records pull: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { documents: WireRecord[] };
  return body.documents
    .map(({ id, data, clocks }) => ({ id, data, clocks }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Three tablets and a server with the fault proxy between them, for one or many schedules. */
export interface Session {
  world: World;
  proxy: FaultProxy;
  tablets: RemoteTablet[];
  tokens: string[];
  online: boolean[];
  journals: string;
  source: Tablets;
}

export async function openSession(world: World, source: Tablets, first: Schedule): Promise<Session> {
  const journals = await mkdtemp(join(tmpdir(), 'chairside-sim-tablets-'));
  const proxy = await startFaultProxy(world.url, first.faultSeed, NO_FAULTS);
  const tablets: RemoteTablet[] = [];
  for (const [i, name] of ['t0', 't1', 't2'].entries())
    tablets.push(
      await source.open(
        {
          name: `${name}-${first.faultSeed}`,
          today: world.today,
          pinIterations: world.pinIterations,
          clockOffsetMs: first.clockOffsetsMin[i]! * 60_000,
          journal: join(journals, `${name}.jsonl`),
        },
        i,
      ),
    );
  const tokens = await Promise.all(tablets.map((t) => world.enroll(t.name)));
  return { world, proxy, tablets, tokens, online: [false, false, false], journals, source };
}

export async function closeSession(session: Session): Promise<void> {
  // Reused workers keep syncing (and journaling their writes) until told to stop; a journal written
  // while its folder is removed failed the removal once (ENOTEMPTY at schedule 476).
  await Promise.all(session.tablets.map((t) => t.call('disconnect').catch(() => undefined)));
  await session.source.done(session.tablets);
  await session.proxy.close();
  await rm(session.journals, { recursive: true, force: true, maxRetries: 5 });
}

/** One schedule on a fresh session: what the full simulation runs per schedule. */
export async function runSchedule(schedule: Schedule, world: World, options: RunOptions): Promise<void> {
  const session = await openSession(world, options.tablets, schedule);
  try {
    await playSchedule(session, schedule, options);
  } finally {
    await closeSession(session);
  }
}

/**
 * Plays the schedule's steps under its faults (its seed, its clocks), heals the network, brings
 * every tablet online and checks the properties. A session can play schedule after schedule.
 */
export async function playSchedule(
  session: Session,
  schedule: Schedule,
  options: Omit<RunOptions, 'tablets'>,
): Promise<void> {
  const { world, proxy, tablets, tokens, online } = session;
  const recorded: string[] = [];
  /** The step running when it failed (-1: before the first; steps.length: converging). */
  let at = -1;
  const connect = (i: number) => tablets[i]!.call('connect', proxy.url, tokens[i]);
  // A long block of schedules draws the demo's Botox down to nothing; the app then offers no lot
  // (no FEFO suggestion) and records nothing, which is what the draw step does too.
  const draw = (i: number, units: number) =>
    tablets[i]!.call<string[]>('draw', units).catch((e: Error) => {
      if (/no FEFO suggestion/.test(e.message)) return [];
      throw e;
    });
  try {
    await Promise.all(tablets.map((t, i) => t.call('setClockOffset', schedule.clockOffsetsMin[i]! * 60_000)));
    proxy.setRates(options.rates, schedule.faultSeed);
    for (const step of schedule.steps) {
      at += 1;
      if (step.op === 'draw') {
        recorded.push(...(await draw(step.tablet, step.units)));
      } else if (step.op === 'edit') {
        const changes = { unitCostMicros: step.costCents * 10_000, status: step.hold ? 'hold' : 'available' };
        await tablets[step.tablet]!.call('editLot', EDITABLE_LOTS[step.lot], changes);
      } else if (step.op === 'toggle') {
        if (online[step.tablet]) await tablets[step.tablet]!.call('disconnect');
        else await connect(step.tablet);
        online[step.tablet] = !online[step.tablet];
      } else if (step.op === 'kill') {
        await world.kill();
      } else if (step.op === 'crash') {
        // Killed mid-draw, or (a draw of fewer writes) right after it: either way, abruptly.
        const t = tablets[step.tablet]!;
        await t.call('crashAfterWrites', step.afterWrites);
        const drawn = await draw(step.tablet, step.units).catch((e: Error) => {
          if (!/exited/.test(e.message)) throw e;
          return [];
        });
        recorded.push(...drawn);
        tablets[step.tablet] = await t.restart();
        if (online[step.tablet]) await connect(step.tablet);
      } else {
        const t = tablets[step.tablet]!;
        await t.call('setDiskFull', true);
        const outcome = await draw(step.tablet, step.units).then(
          // Nothing left to draw: nothing was written, full disk or not.
          (ids) => (ids.length === 0 ? null : new Error('a draw on a full disk reported success')),
          (e: Error) => (/QuotaExceededError/.test(e.message) ? null : e),
        );
        await t.call('setDiskFull', false);
        if (outcome) throw outcome;
      }
    }
    // The network heals, everyone comes back online and converges.
    at = schedule.steps.length;
    proxy.setRates(NO_FAULTS);
    for (const i of [0, 1, 2])
      if (!online[i]) {
        await connect(i);
        online[i] = true;
      }
    await checkConverged(world, tablets, recorded, options.convergeMs);
  } catch (error) {
    throw new Error(
      `${String(error)}\n--- at step ${at} of schedule ---\n${JSON.stringify(schedule)}\n--- faults injected ---\n` +
        `${JSON.stringify(proxy.injected)}\n--- server output ---\n${world.output().slice(-3000)}`,
      { cause: error },
    );
  }
}

/** One auditor device per server, however many schedules it serves. */
const auditors = new WeakMap<World, Promise<string>>();

async function checkConverged(
  world: World,
  tablets: RemoteTablet[],
  recorded: string[],
  ms: number,
): Promise<void> {
  if (!auditors.has(world)) auditors.set(world, world.enroll('auditor'));
  const auditor = await auditors.get(world)!;
  let onServer: LedgerEvent[] = [];
  const sameSet = (a: string[], b: Set<string>) => a.length === b.size && a.every((id) => b.has(id));
  // Every tablet holds the server's events, and the server every tablet's (a crashed tablet's
  // saved work included): one set everywhere, which contains everything a draw reported saved.
  await eventually(
    'the server and every tablet hold the same events',
    async () => {
      onServer = await serverEvents(world.url, auditor);
      const ids = new Set(onServer.map((e) => e.id));
      if (!recorded.every((id) => ids.has(id))) return false;
      for (const t of tablets) if (!sameSet(await t.call<string[]>('eventIds'), ids)) return false;
      return true;
    },
    ms,
  ).catch(async (error: Error) => {
    const ids = new Set(onServer.map((e) => e.id));
    const lost = recorded.filter((id) => !ids.has(id));
    const perTablet = await Promise.all(
      tablets.map(async (t) => {
        const held = await t.call<string[]>('eventIds');
        const missing = [...ids].filter((id) => !held.includes(id)).length;
        const extra = held.filter((id) => !ids.has(id)).length;
        const errors = (await t.call<string[]>('errors')).slice(-3).join(' | ');
        const unhandled = (await t.call<string[]>('unhandled')).slice(-3).join(' | ');
        const checkpoint = canonical(await t.call('eventsCheckpoint'));
        const syncState = canonical(await t.call('syncState'));
        return (
          `${t.name}: ${missing} missing, ${extra} not on the server, unsynced ${canonical(await t.call('unsynced'))}, ` +
          `checkpoint ${checkpoint}, rxdb ${syncState}, errors: ${errors}, unhandled: ${unhandled}`
        );
      }),
    );
    const seqs = await serverSeqs(world.url, auditor);
    const missingSeqs = await Promise.all(
      tablets.map(async (t) => {
        const held = new Set(await t.call<string[]>('eventIds'));
        return [...seqs].filter(([id]) => !held.has(id)).map(([id, seq]) => `${t.name} lacks ${id}@${seq}`);
      }),
    );
    const detail = `${perTablet.join('; ')}; ${missingSeqs.flat().slice(0, 5).join(', ')}; server at ${Math.max(...seqs.values())}`;
    throw new Error(`${error.message}; ${lost.length} recorded not on the server; ${detail}`, {
      cause: error,
    });
  });
  const ids = onServer.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  const state = reduceLedger(onServer);
  for (const t of tablets) {
    expect(await t.call<string[]>('diff')).toEqual([]);
    expect(await t.call<unknown[]>('marks', 'rejected')).toEqual([]);
    // Nothing acknowledged is lost: every acknowledgement names an event the server holds.
    const acked = await t.call<{ id: string }[]>('marks', 'acked');
    expect(acked.filter((m) => !ids.includes(m.id))).toEqual([]);
    for (const [key, balance] of state.lots) {
      const [lotId, locationId] = key.split('|') as [string, string];
      expect(await t.call<number>('onHand', lotId, locationId)).toBe(balance.onHandMilli);
    }
  }
  // Master data [MD3]: the server's copy is read inside the wait, since a tablet's last pushes may
  // still be arriving (issue #11: a copy read once before them made seed 4242 fail).
  for (const t of tablets)
    await eventually(
      `${t.name} holds the server's lot records`,
      async () => canonical(await t.call('lots')) === canonical(await serverLotRecords(world.url, auditor)),
      ms,
    ).catch(async (error: Error) => {
      const local = await t.call<WireRecord[]>('lots');
      const server = await serverLotRecords(world.url, auditor);
      const differ = server.filter((r) => canonical(r) !== canonical(local.find((l) => l.id === r.id)));
      const shown = differ.map((r) => ({ server: r, tablet: local.find((l) => l.id === r.id) ?? null }));
      const unsynced = canonical(await t.call('unsynced'));
      const errors = (await t.call<string[]>('errors')).slice(-5).join(' | ');
      throw new Error(
        `${error.message}; records that differ: ${canonical(shown)}; unsynced: ${unsynced}; errors: ${errors}`,
        { cause: error },
      );
    });
}
