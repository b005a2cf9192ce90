/** The test's handle on a tablet running in its own worker thread (see tablet-worker.ts). */
import { Worker } from 'node:worker_threads';

/** What a tablet worker is started with (its workerData). */
export interface TabletSetup {
  name: string;
  today?: string;
  pinIterations?: number;
  /** The tablet clock's offset from the real one, in ms ([S33]). */
  clockOffsetMs?: number;
  /** The journal file its disk keeps across a killed worker (tablet-disk.ts). */
  journal?: string;
  deviceId?: string;
  reopen?: boolean;
}

export interface RemoteTablet {
  name: string;
  deviceId: string;
  call<T>(method: string, ...args: unknown[]): Promise<T>;
  /** Resolves once the worker thread has ended (closed, crashed or killed). */
  exited(): Promise<void>;
  /** Whether the worker thread has ended. */
  ended(): boolean;
  /** A new worker on the same disk and device id, as a tablet reopened after a crash. */
  restart(): Promise<RemoteTablet>;
  /** The same worker thread as a brand-new tablet (fresh disk, new device id). */
  reset(setup: TabletSetup): Promise<RemoteTablet>;
  terminate(): Promise<void>;
}

export async function startTablet(
  name: string,
  today?: string,
  pinIterations?: number,
  options: Omit<TabletSetup, 'name' | 'today' | 'pinIterations'> = {},
): Promise<RemoteTablet> {
  const setup: TabletSetup = { name, today, pinIterations, ...options };
  const worker = new Worker(new URL('./tablet-worker-entry.mjs', import.meta.url), { workerData: setup });
  let next = 0;
  let ended = false;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  const exit = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      ended = true;
      failAll(new Error(`tablet ${name} exited (code ${code})`));
      resolve();
    }),
  );
  worker.on('message', (m: { id: number; result?: unknown; error?: string }) => {
    const waiter = pending.get(m.id);
    pending.delete(m.id);
    if (m.error !== undefined) waiter?.reject(new Error(`tablet ${name}: ${m.error}`));
    else waiter?.resolve(m.result);
  });
  worker.on('error', failAll);
  const call = <T>(method: string, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      if (ended) return reject(new Error(`tablet ${name} has exited`));
      next += 1;
      pending.set(next, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id: next, method, args });
    });
  const terminate = async () => {
    if (!ended) await call('close').catch(() => undefined);
    await worker.terminate();
  };
  const handle = (current: TabletSetup, deviceId: string): RemoteTablet => ({
    name: current.name,
    deviceId,
    call,
    exited: () => exit,
    ended: () => ended,
    async restart() {
      await worker.terminate();
      const { name: n, today: d, pinIterations: i, ...rest } = current;
      return startTablet(n, d, i, { ...rest, deviceId, reopen: true });
    },
    async reset(next) {
      return handle(next, await call<string>('reset', next));
    },
    terminate,
  });
  return handle(setup, await call<string>('open'));
}
