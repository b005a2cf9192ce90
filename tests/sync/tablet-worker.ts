/**
 * One simulated tablet per worker thread. RxDB's open core counts open collections per JavaScript
 * realm (13 at most), so two tablets cannot share one; a worker is a realm of its own — like a
 * real tablet's browser tab. Commands arrive as { id, method, args } and are answered once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { balanceKey } from '../../src/domain/ledger/reducer';
import { diffAgainstReducer } from '../../src/db/repositories/balances';
import { allEvents } from '../../src/db/repositories/events';
import { openTablet, type Tablet } from './tablet';

const { name, today } = workerData as { name: string; today?: string };
let tablet: Tablet | null = null;

async function required(): Promise<Tablet> {
  tablet ??= await openTablet(name, today);
  return tablet;
}

const methods: Record<string, (...args: never[]) => Promise<unknown>> = {
  open: async () => (await required()).deviceId,
  draw: async (units: number, actorId?: string) =>
    (await (await required()).draw(units, actorId)).map((e) => e.id),
  connect: async (baseUrl: string, token: string) => (await required()).connect(baseUrl, token),
  disconnect: async () => (await required()).disconnect(),
  onHand: async (lotId: string, locationId: string) =>
    (await (await required()).db.balances.findOne(balanceKey(lotId, locationId)).exec())?.onHandMilli ?? 0,
  marks: async (state: 'acked' | 'rejected') =>
    (await (await required()).db.syncmarks.find({ selector: { state } }).exec()).map((m) => ({
      id: m.eventId,
      reason: m.reason,
    })),
  count: async () => (await required()).db.events.count().exec(),
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
