/** The test's handle on a tablet running in its own worker thread (see tablet-worker.ts). */
import { Worker } from 'node:worker_threads';

export interface RemoteTablet {
  name: string;
  deviceId: string;
  call<T>(method: string, ...args: unknown[]): Promise<T>;
  terminate(): Promise<void>;
}

export async function startTablet(
  name: string,
  today?: string,
  pinIterations?: number,
): Promise<RemoteTablet> {
  const worker = new Worker(new URL('./tablet-worker-entry.mjs', import.meta.url), {
    workerData: { name, today, pinIterations },
  });
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.on('message', (m: { id: number; result?: unknown; error?: string }) => {
    const waiter = pending.get(m.id);
    pending.delete(m.id);
    if (m.error !== undefined) waiter?.reject(new Error(`tablet ${name}: ${m.error}`));
    else waiter?.resolve(m.result);
  });
  worker.on('error', (error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  const call = <T>(method: string, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      next += 1;
      pending.set(next, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id: next, method, args });
    });
  const deviceId = await call<string>('open');
  return {
    name,
    deviceId,
    call,
    async terminate() {
      await call('close').catch(() => undefined);
      await worker.terminate();
    },
  };
}
