/**
 * The one replication loop, run for the ledger and for every kind of master data (channel.ts):
 *
 * - pull pages through the server's sequence from the channel's own stored checkpoint until the
 *   server has nothing newer; while a full page is stored the next is already on its way ([S19]);
 * - push this tablet's own unsent work (RxDB's push side finds it); refused items are kept with the
 *   server's reason by the channel, the rest is re-sent ([S15], [MD5]);
 * - the live stream only says "something changed": `resync` asks for another pull.
 *
 * RxDB runs it (retries, live mode, one leader tab) through rxdb-adapter.ts, the only file that
 * knows RxDB's replication internals. The runner hands RxDB no documents: the channels store them.
 */
import type { ChairsideDatabase } from '../db/collections';
import { APPEND_CONTEXT } from '../db/repositories/events';
import { SyncError } from './api';
import type { Channel, SyncObserver } from './channel';
import { StoredCheckpoint } from './checkpoints';
import { pushIsolating } from './isolate';
import { replicate, type RxReplication } from './rxdb-adapter';

export interface Replication {
  /** RxDB's state (tests look into it). */
  state: RxReplication['state'];
  /** Ask for a pull now (stream message, coming back online). */
  resync: () => void;
  stop: () => Promise<void>;
}

/** Tells the UI why a sync step failed (in plain words), then lets RxDB retry it. */
export async function reported<T>(observer: SyncObserver, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    observer.onError(
      error instanceof SyncError
        ? error
        : new SyncError('server', error instanceof Error ? error.message : String(error)),
    );
    throw error;
  }
}

/**
 * Pushes a batch; items the server refuses (403, 400 naming them) are handed to the channel and
 * the rest is re-sent; a poison item the server cannot name is isolated by halving the batch
 * (isolate.ts, [S26]). Any other failure throws, so RxDB retries the whole batch.
 * Example: [a, b, c] with b refused → markRefused([b]), then [a, c] is sent again.
 */
export async function pushWithRefusals<Doc extends { id: string }, Item>(
  channel: Channel<Doc, Item>,
  docs: Doc[],
): Promise<{ repull: boolean }> {
  let repull = false;
  const answerRepull = await pushIsolating(channel, docs, async (refused) => {
    if ((await channel.markRefused(refused)).repull) repull = true;
  });
  return { repull: repull || answerRepull };
}

export interface PullOptions {
  /** Labels the stored writes (the events replication passes RxDB's downstream flag). */
  writeContext: string;
  /** Checked between pages: a stopped sync stores nothing more. */
  stopped: () => boolean;
}

/**
 * Pages until the server has nothing newer (a page shorter than the channel's page size), the sync
 * stops, or the checkpoint is restarted meanwhile (`'restarted'`: pull again). The next page starts
 * from the previous page's checkpoint, which is stored only once that page is, so at most two
 * pages are held at a time and a failure leaves the stored checkpoint at the last page fully stored.
 */
export async function pullUntilCaughtUp<Doc extends { id: string }, Item>(
  channel: Channel<Doc, Item>,
  checkpoint: StoredCheckpoint,
  observer: SyncObserver,
  now: () => number,
  options: PullOptions,
): Promise<'caught_up' | 'stopped' | 'restarted'> {
  const generation = checkpoint.generation;
  let next = channel.pullPage(await checkpoint.read());
  for (;;) {
    const page = await next;
    const full = page.documents.length >= channel.pullPageSize;
    if (full) {
      next = channel.pullPage(page.checkpoint);
      // Its failure surfaces when it is awaited; if the loop ends first it is dropped unread.
      next.catch(() => undefined);
    }
    if (options.stopped()) return 'stopped';
    await channel.storePage(page.documents, options.writeContext);
    if (!(await checkpoint.store(page.checkpoint, generation))) return 'restarted';
    observer.onPulled({ serverTime: page.serverTime, receivedAtMs: now(), count: page.documents.length });
    if (!full) return 'caught_up';
  }
}

export function startReplication<Doc extends { id: string }, Item>(
  db: ChairsideDatabase,
  channel: Channel<Doc, Item>,
  baseUrl: string,
  observer: SyncObserver,
  now: () => number,
): Replication {
  const checkpoint = new StoredCheckpoint(db, channel.checkpointKey);
  let pulling = false;
  let pullAgain = false;
  let stopped = false;
  let forwarding = false;

  /**
   * Pulls until the server has nothing newer, then once more for every resync asked meanwhile.
   * While it runs, resyncs stay here instead of reaching RxDB: a RESYNC also restarts RxDB's push
   * side from its own checkpoint, which would then walk every document the pull is writing. For
   * the same reason the first pull waits for the push side's first pass.
   */
  const pull = async () => {
    pulling = true;
    try {
      await rx.pushIdle();
      const writeContext = await rx.downstreamFlag(APPEND_CONTEXT);
      do {
        pullAgain = false;
        const result = await reported(observer, () =>
          pullUntilCaughtUp(channel, checkpoint, observer, now, { writeContext, stopped: () => stopped }),
        );
        if (result === 'restarted') pullAgain = true;
      } while (pullAgain && !stopped);
    } finally {
      pulling = false;
    }
  };

  /**
   * A resync during a pull is one more pass of that pull. Otherwise RESYNC goes to RxDB once its
   * push side is idle: RxDB also restarts the push side from its stored checkpoint on a RESYNC, and
   * only an idle push side has stored the checkpoint past every pulled page it was told about.
   */
  const resync = () => {
    if (pulling) pullAgain = true;
    if (pulling || forwarding) return;
    forwarding = true;
    void rx.pushIdle().then(() => {
      forwarding = false;
      if (pulling) pullAgain = true;
      else if (!stopped) rx.resync();
    });
  };

  const rx = replicate<Doc>({
    identifier: `chairside-${channel.name}-${baseUrl}`,
    collection: channel.collection,
    pullBatchSize: channel.pullPageSize,
    pushBatchSize: channel.pushBatchSize,
    pull,
    shouldPush: channel.shouldPush,
    push: async (docs) => {
      const { repull } = await reported(observer, () => pushWithRefusals(channel, docs));
      if (!repull) return;
      await checkpoint.restart();
      resync();
    },
  });

  return {
    state: rx.state,
    resync,
    stop: async () => {
      stopped = true;
      await rx.stop();
    },
  };
}
