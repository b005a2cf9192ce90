/**
 * One simulated tablet per worker thread. RxDB's open core counts open collections per JavaScript
 * realm (13 at most), so two tablets cannot share one; a worker is a realm of its own — like a
 * real tablet's browser tab. Commands arrive as { id, method, args } and are answered once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { firstValueFrom } from 'rxjs';
import { currentBalance, diffAgainstReducer } from '../../src/db/repositories/balances';
import { allEvents } from '../../src/db/repositories/events';
import { toReplicated } from '../../src/db/repositories/records';
import { watchUnsyncedCount } from '../../src/db/repositories/unsynced';
import { openTablet, type Tablet } from './tablet';

const { name, today, pinIterations } = workerData as { name: string; today?: string; pinIterations?: number };
let tablet: Tablet | null = null;

async function required(): Promise<Tablet> {
  tablet ??= await openTablet(name, today, pinIterations);
  return tablet;
}

function sortedKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

const methods: Record<string, (...args: never[]) => Promise<unknown>> = {
  open: async () => (await required()).deviceId,
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
  eventIds: async () => (await allEvents((await required()).db)).map((e) => e.id),
  diff: async () => diffAgainstReducer((await required()).db),
  errors: async () => (await required()).errors.map((e) => `${e.kind}: ${e.message}`),
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
