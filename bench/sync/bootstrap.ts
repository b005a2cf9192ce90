// sync.bootstrap_100k_s: a fresh tablet pulls a ledger of N events from the server.
//   - Client (the metric): the app's real tablet (RxDB + fake-indexeddb in a worker thread) from
//     connect() until its balances equal the server's; each page goes through the ledger's
//     append-and-fold path (dedup + balances). It must then hold exactly every event.
//   - HTTP (the baseline): the protocol alone — pages of 1000 (the maximum, [S6]) from checkpoint 0,
//     JSON parsed, nothing stored.
import { LOTS, MAIN, ORG } from '../../tests/server/sync-harness';
import { startTablet } from '../../tests/sync/remote-tablet';
import { benchEvents, chunks } from './events';
import { headers, withStore } from './server';

const SEED_BATCH = 5_000;
const HTTP_PAGE = 1_000;
/**
 * How often the bench looks at the tablet's balances (four lookups by key, well under a millisecond
 * each): adds at most this to the measurement. It does not poll the event count: fake-indexeddb
 * counts by walking the whole index on the tablet's thread (~0.5 s at 100,000 events), which took a
 * third of the run when polled.
 */
const POLL_MS = 100;
/** No balance changed for this long = the client stopped pulling. */
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

/** The server's on-hand of every bench lot at Main ([S16] stock). */
async function serverOnHand(baseUrl: string, token: string): Promise<number[]> {
  return Promise.all(
    LOTS.map(async (lotId) => {
      const query = new URLSearchParams({ locationId: MAIN, lotId });
      const res = await fetch(`${baseUrl}/api/v1/stock?${query}`, { headers: headers(token) });
      if (!res.ok) throw new Error(`stock: ${res.status} ${await res.text()}`);
      const { stock } = (await res.json()) as { stock: { onHandMilli: number }[] };
      const onHand = stock[0]?.onHandMilli;
      if (onHand === undefined) throw new Error(`the server has no stock of lot ${lotId}`);
      return onHand;
    }),
  );
}

export interface ClientBootstrap {
  seconds: number;
  /** Events on the tablet when it finished or gave up. */
  received: number;
  finished: boolean;
}

/**
 * Connects a fresh tablet and waits (at most `timeoutMs`, or until it stalls) until its balances
 * equal the server's: every bench lot only receives or only draws (benchEvent), so a lot reaches the
 * server's on-hand only with its last event folded — the tablet's last pulled page is stored and
 * folded. Then, untimed: it must hold exactly `expected` events and have reported no sync error.
 */
export async function clientBootstrap(
  baseUrl: string,
  token: string,
  expected: number,
  timeoutMs: number,
): Promise<ClientBootstrap> {
  const target = await serverOnHand(baseUrl, token);
  const tablet = await startTablet(`bench-bootstrap-${expected}`);
  try {
    await tablet.call('open');
    const started = performance.now();
    await tablet.call('connect', baseUrl, token);
    let progressAt = started;
    let seen = '';
    let balanced = false;
    while (performance.now() - started < timeoutMs && performance.now() - progressAt < STALL_MS) {
      const local = await Promise.all(LOTS.map((lotId) => tablet.call<number>('onHand', lotId, MAIN)));
      balanced = local.every((onHand, i) => onHand === target[i]);
      if (balanced) break;
      if (local.join() !== seen) progressAt = performance.now();
      seen = local.join();
      // Polling interval for an asynchronous outcome (see POLL_MS).
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const seconds = (performance.now() - started) / 1000;
    const received = await tablet.call<number>('count');
    const errors = await tablet.call<string[]>('errors');
    if (errors.length > 0) throw new Error(`tablet sync errors: ${errors.slice(0, 3).join('; ')}`);
    if (balanced && received !== expected)
      throw new Error(`the tablet's balances match the server's but it holds ${received}/${expected} events`);
    return { seconds, received, finished: balanced };
  } finally {
    await tablet.call('close').catch(() => undefined);
    await tablet.terminate();
  }
}
