/**
 * One simulated tablet per worker thread. RxDB's open core counts open collections per JavaScript
 * realm (13 at most), so two tablets cannot share one; a worker is a realm of its own — like a
 * real tablet's browser tab. Commands arrive as { id, method, args } and are answered once.
 */
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { firstValueFrom } from 'rxjs';
import { currentBalance, diffAgainstReducer } from '../../src/db/repositories/balances';
import { allEvents } from '../../src/db/repositories/events';
import { toReplicated } from '../../src/db/repositories/records';
import { receiveTransfer, sendTransfer, watchTransfers } from '../../src/db/repositories/transfers';
import type { Stamp } from '../../src/domain/transfers';
import { watchUnsyncedCount } from '../../src/db/repositories/unsynced';
import { StoredCheckpoint } from '../../src/sync/checkpoints';
import { PULL_CHECKPOINT_KEY } from '../../src/sync/events-channel';
import { ORG } from '../server/sync-harness';
import { openTablet, type Tablet } from './tablet';
import { tabletDisk, type TabletDisk } from './tablet-disk';
import type { TabletSetup } from './remote-tablet';

let setup = workerData as TabletSetup;
/**
 * A browser tab logs a promise rejection nobody handled and keeps running; a worker thread would
 * end. RxDB's replication lets a failed checkpoint write (a full disk, [S32]) reject unhandled, so
 * they are kept here, as a tab's console would show them, and the tablet goes on.
 */
const unhandled: string[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(String(reason)));
/** A journaled disk survives this worker being killed (tablet-disk.ts); without one, memory only. */
let disk: TabletDisk | null = setup.journal ? tabletDisk(setup.journal) : null;
let tablet: Tablet | null = null;

async function stampOf(actorId: string): Promise<Stamp> {
  const t = await required();
  return {
    orgId: ORG,
    actorId,
    deviceId: t.deviceId,
    deviceTime: new Date().toISOString(),
    newId: () => randomUUID(),
  };
}

async function required(): Promise<Tablet> {
  const { name, today, pinIterations, clockOffsetMs, deviceId, reopen } = setup;
  tablet ??= await openTablet(name, today, pinIterations, {
    clockOffsetMs,
    storage: disk?.storage,
    deviceId,
    reopen,
  });
  return tablet;
}

function requiredDisk(): TabletDisk {
  if (!disk) throw new Error(`tablet ${setup.name} has no journaled disk`);
  return disk;
}

function sortedKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

const methods: Record<string, (...args: never[]) => Promise<unknown>> = {
  open: async () => (await required()).deviceId,
  /** Transfers ([TR1]-[TR4]) as the Stock screen stores them, by a manager of the demo clinic. */
  sendTransfer: async (
    transferId: string,
    from: string,
    to: string,
    lines: { lotId: string; quantityMilli: number }[],
    actorId: string,
  ) =>
    sendTransfer(
      (await required()).db,
      { transferId, fromLocationId: from, toLocationId: to, lines },
      await stampOf(actorId),
    ),
  receiveTransfer: async (transferId: string, arrived: [string, number][], reason: string, actorId: string) =>
    receiveTransfer((await required()).db, transferId, new Map(arrived), reason, await stampOf(actorId)),
  transfers: async () => firstValueFrom(watchTransfers((await required()).db)),
  draw: async (units: number, actorId?: string) =>
    (await (await required()).draw(units, actorId)).map((e) => e.id),
  connect: async (baseUrl: string, token: string) => (await required()).connect(baseUrl, token),
  disconnect: async () => (await required()).disconnect(),
  onHand: async (lotId: string, locationId: string) =>
    (await currentBalance((await required()).db, lotId, locationId))?.onHandMilli ?? 0,
  marks: async (state: 'acked' | 'rejected') =>
    (await (await required()).db.syncmarks.find({ selector: { state } }).exec()).map((m) => ({
      id: m.eventId,
      reason: m.reason,
    })),
  editLot: async (lotId: string, changes: Record<string, unknown>, actorId?: string) =>
    (await required()).editLot(lotId, changes, actorId),
  createLot: async (fields: never, actorId?: string) => (await required()).createLot(fields, actorId),
  /** Lot records as replicated: id, data and per-field clocks ([MD3]), keys sorted for comparison. */
  lots: async () =>
    (await (await required()).db.lots.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => {
      const { id, data, clocks } = toReplicated(d.toMutableJSON());
      return { id, data: sortedKeys(data), clocks: sortedKeys(clocks) };
    }),
  count: async () => (await required()).db.events.count().exec(),
  /** What the header counts as only on this tablet ([PWA4]). */
  unsynced: async () => {
    const t = await required();
    return firstValueFrom(watchUnsyncedCount(t.db, t.deviceId));
  },
  /** One stored event as the ledger holds it (null when it is not there). */
  event: async (id: string) => (await allEvents((await required()).db)).find((e) => e.id === id) ?? null,
  eventIds: async () => (await allEvents((await required()).db)).map((e) => e.id),
  diff: async () => diffAgainstReducer((await required()).db),
  unhandled: async () => [...unhandled],
  /** RxDB's view of the ledger replication (diagnostics of a failed convergence). */
  syncState: async () => {
    const internal = (await required()).sync?.sync.state.internalReplicationState;
    if (!internal) return null;
    return {
      up: internal.events.active.up.getValue(),
      down: internal.events.active.down.getValue(),
      canceled: internal.events.canceled.getValue(),
      stats: internal.stats,
    };
  },
  /** The events pull checkpoint this tablet stored (diagnostics of a failed convergence). */
  eventsCheckpoint: async () => new StoredCheckpoint((await required()).db, PULL_CHECKPOINT_KEY).read(),
  errors: async () => (await required()).errors.map((e) => `${e.kind}: ${e.message}`),
  setClockOffset: async (ms: number) => (await required()).setClockOffset(ms),
  /** A full disk ([S32]): every local write fails with QuotaExceededError until it is freed. */
  setDiskFull: async (full: boolean) => requiredDisk().setFull(full),
  /** The worker ends right after its n-th next committed write ([S31]). */
  crashAfterWrites: async (n: number) => requiredDisk().crashAfterWrites(n),
  /**
   * This worker becomes a brand-new tablet (the fast simulation reuses its threads: starting one
   * costs seconds); answers the new device id.
   */
  reset: async (next: TabletSetup) => {
    // The tablet it was is given up: a close that reports an old failure (a write RxDB's
    // replication had refused on a full disk, [S32]) does not stop the new one.
    await tablet?.close().catch(() => undefined);
    tablet = null;
    setup = next;
    disk = next.journal ? tabletDisk(next.journal) : null;
    return (await required()).deviceId;
  },
  close: async () => {
    await tablet?.close();
    tablet = null;
  },
};

parentPort?.on('message', (message: { id: number; method: string; args: never[] }) => {
  const method = methods[message.method];
  const run = method
    ? method(...message.args)
    : Promise.reject(new Error(`unknown method ${message.method}`));
  run.then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (error: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
