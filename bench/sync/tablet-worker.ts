// A real tablet (the app's RxDB database over fake-indexeddb and its sync client, through
// tests/sync/tablet.ts) in a worker thread, for the full-client bootstrap benchmark. Commands
// arrive as { id, method, args } and are answered once, like tests/sync/tablet-worker.ts; `count`
// is a cheap RxDB count query instead of loading every event.
import { parentPort, workerData } from 'node:worker_threads';
import { openTablet, type Tablet } from '../../tests/sync/tablet';

const { name } = workerData as { name: string };
let tablet: Tablet | null = null;

async function required(): Promise<Tablet> {
  tablet ??= await openTablet(name);
  return tablet;
}

const methods: Record<string, (...args: never[]) => Promise<unknown>> = {
  open: async () => (await required()).deviceId,
  connect: async (baseUrl: string, token: string) => (await required()).connect(baseUrl, token),
  count: async () => (await required()).db.events.count().exec(),
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
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
