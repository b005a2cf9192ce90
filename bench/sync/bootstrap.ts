// sync.bootstrap_*: a fresh client pulls a ledger of N events from the server.
//   - HTTP: the protocol alone — pages of 1000 (the maximum, [S6]) from checkpoint 0, JSON parsed.
//   - Client: the app's real tablet (RxDB + fake-indexeddb in a worker thread) from connect() until
//     its events collection holds everything; each page goes through recordEvents (dedup + balances).
import { ORG } from '../../tests/server/sync-harness';
import { startTablet } from '../../tests/sync/remote-tablet';
import { benchEvents, chunks } from './events';
import { headers, withStore } from './server';

const SEED_BATCH = 5_000;
const HTTP_PAGE = 1_000;
const POLL_MS = 250;
/**
 * No new event for this long = the client stopped pulling. (src/sync pulls at most 50 pages of 500
 * per cycle and starts the next cycle only on a stream message, so a quiet server leaves a fresh
 * tablet at 25,000 events.)
 */
const STALL_MS = 15_000;

/** Appends `n` events of the demo organization straight into the store (seeding, not measured). */
export async function seedLedger(databaseUrl: string, n: number, offset: number): Promise<void> {
  await withStore(databaseUrl, async (store) => {
    for (const batch of chunks(benchEvents(n, 'bench-seed', offset), SEED_BATCH)) {
      await store.events.append(ORG, batch);
    }
  });
}

/** Seconds to pull every page; throws unless exactly `expected` documents arrived. */
export async function httpBootstrap(baseUrl: string, token: string, expected: number): Promise<number> {
  const started = performance.now();
  let checkpoint = { epoch: '', seq: 0 };
  let received = 0;
  for (let page = 0; page <= expected / HTTP_PAGE + 1; page++) {
    const query = new URLSearchParams({
      epoch: checkpoint.epoch,
      seq: String(checkpoint.seq),
      limit: String(HTTP_PAGE),
    });
    const res = await fetch(`${baseUrl}/api/v1/events/pull?${query}`, { headers: headers(token) });
    if (!res.ok) throw new Error(`pull: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { documents: unknown[]; checkpoint: typeof checkpoint };
    received += body.documents.length;
    checkpoint = body.checkpoint;
    if (body.documents.length < HTTP_PAGE) break;
  }
  if (received !== expected) throw new Error(`HTTP bootstrap got ${received} events, expected ${expected}`);
  return (performance.now() - started) / 1000;
}

export interface ClientBootstrap {
  seconds: number;
  /** Events on the tablet when it finished or gave up. */
  received: number;
  finished: boolean;
}

/** Connects a fresh tablet and waits (at most `timeoutMs`, or until it stalls) for `expected` events. */
export async function clientBootstrap(
  baseUrl: string,
  token: string,
  expected: number,
  timeoutMs: number,
): Promise<ClientBootstrap> {
  const tablet = await startTablet(`bench-bootstrap-${expected}`);
  try {
    await tablet.call('open');
    const started = performance.now();
    await tablet.call('connect', baseUrl, token);
    let received = 0;
    let progressAt = started;
    while (performance.now() - started < timeoutMs && performance.now() - progressAt < STALL_MS) {
      const count = await tablet.call<number>('count');
      if (count > received) progressAt = performance.now();
      received = count;
      if (received >= expected) break;
      // Polling interval for an asynchronous outcome; adds at most POLL_MS to the measurement.
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const seconds = (performance.now() - started) / 1000;
    const errors = await tablet.call<string[]>('errors');
    if (errors.length > 0) throw new Error(`tablet sync errors: ${errors.slice(0, 3).join('; ')}`);
    return { seconds, received, finished: received >= expected };
  } finally {
    await tablet.call('close').catch(() => undefined);
    await tablet.terminate();
  }
}
