/**
 * The one place that reaches into RxDB's replication engine. RxDB gives the sync what it is good at
 * — retries, live mode, one leader tab, and tracking which local writes are not yet pushed — and
 * nothing else: the pull handler stores pages itself (replication.ts) and hands RxDB no documents.
 *
 * What is internal here, and why it is needed:
 * - `downstreamBulkWriteFlag`: pulled events are written under it so RxDB's push side skips them
 *   (decisions/2026-11-30_bootstrap-pull.md, SPEC [S19]);
 * - `internalReplicationState.events.active.up`: whether the push side is walking local writes,
 *   which the runner waits for before a pull and before forwarding a RESYNC;
 * - `internalReplicationState.checkpointQueue`: RxDB chains every checkpoint read and write of a
 *   replication on this promise without a catch, so one failed checkpoint write (a full disk,
 *   SPEC [S36]) would reject it for good and every later pull and push step with it — the sync
 *   dead, silently, until the app restarts. The adapter keeps the chain alive (guardCheckpoints).
 */
import type { RxCollection } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { combineLatest, filter, firstValueFrom, Subject } from 'rxjs';

/** How every replication runs: live, retried after 5 s, only in the leader tab, from the start. */
export const LIVE_REPLICATION = {
  live: true,
  retryTime: 5_000,
  waitForLeadership: true,
  autoStart: true,
} as const;

export interface ReplicationHooks<Doc> {
  /** Names RxDB's own bookkeeping (its push checkpoint); keep it stable across versions. */
  identifier: string;
  collection: RxCollection<Doc>;
  pullBatchSize: number;
  pushBatchSize: number;
  /** RxDB's pull: the caller stores what it pulls; RxDB is given nothing. */
  pull: () => Promise<void>;
  /** Which local documents RxDB's push side hands to `push`. */
  shouldPush: (doc: Doc) => boolean;
  /** Sends documents; throwing makes RxDB retry them after retryTime. */
  push: (docs: Doc[]) => Promise<void>;
}

export interface RxReplication {
  /** RxDB's state (tests look into its meta instance). */
  state: RxReplicationState<unknown, unknown>;
  /**
   * Resolves once RxDB's push side is idle — at start, once it has walked the collection for
   * unsent local writes — or the replication is cancelled.
   */
  pushIdle: () => Promise<unknown>;
  /** The write context that makes RxDB's push side skip a write; `fallback` before the start. */
  downstreamFlag: (fallback: string) => Promise<string>;
  /** Asks RxDB for a pull; it also restarts its push side from its stored checkpoint. */
  resync: () => void;
  stop: () => Promise<void>;
}

function stripDeleted<T>(doc: T & { _deleted?: boolean }): T {
  const { _deleted: _ignored, ...rest } = doc;
  return rest as T;
}

/** What guardCheckpoints reaches: RxDB's internal replication state (see the file's docblock). */
interface CheckpointChain {
  checkpointQueue: Promise<unknown>;
}

/**
 * Makes every step RxDB chains on `checkpointQueue` fail alone: a failed step resolves the chain
 * (undefined) instead of rejecting it. A checkpoint write that failed leaves the stored checkpoint
 * where it was, so RxDB walks those documents again later — work redone (the server keeps one
 * copy of each event and record), never lost. A failed checkpoint read reads as "none": RxDB then
 * walks from the start, equally safe.
 * Example: the disk fills, RxDB's push side stores its checkpoint → QuotaExceededError; the chain
 * resolves, and once space is free the next pull and push run as usual.
 */
export function guardCheckpoints(internal: CheckpointChain): void {
  const survive = (chain: Promise<unknown>) => chain.catch(() => undefined);
  let chain = survive(internal.checkpointQueue);
  Object.defineProperty(internal, 'checkpointQueue', {
    configurable: true,
    enumerable: true,
    get: () => chain,
    set: (next: Promise<unknown>) => {
      chain = survive(next);
    },
  });
}

export function replicate<Doc>(hooks: ReplicationHooks<Doc>): RxReplication {
  const stream$ = new Subject<'RESYNC'>();
  const state = replicateRxCollection<Doc, unknown>({
    replicationIdentifier: hooks.identifier,
    collection: hooks.collection,
    ...LIVE_REPLICATION,
    pull: {
      batchSize: hooks.pullBatchSize,
      stream$: stream$.asObservable(),
      handler: async () => {
        await hooks.pull();
        return { documents: [], checkpoint: null };
      },
    },
    push: {
      batchSize: hooks.pushBatchSize,
      modifier: (doc) => (hooks.shouldPush(doc) ? doc : null),
      handler: async (rows) => {
        await hooks.push(rows.map((r) => stripDeleted(r.newDocumentState)));
        return [];
      },
    },
  });
  // Handler failures are reported by the caller; RxDB retries them after retryTime.
  state.error$.subscribe(() => undefined);
  // Before RxDB's first checkpoint write: it writes one only once a document has been walked.
  void state.startPromise.then(() => {
    if (state.internalReplicationState) guardCheckpoints(state.internalReplicationState);
  });

  const pushIdle = () => {
    const internal = state.internalReplicationState;
    if (!internal) return Promise.resolve();
    return firstValueFrom(
      combineLatest([internal.events.active.up, internal.events.canceled]).pipe(
        filter(([active, canceled]) => !active || canceled),
      ),
    );
  };
  return {
    state: state as RxReplicationState<unknown, unknown>,
    pushIdle,
    downstreamFlag: async (fallback) =>
      (await state.internalReplicationState?.downstreamBulkWriteFlag) ?? fallback,
    resync: () => stream$.next('RESYNC'),
    stop: async () => {
      stream$.complete();
      await state.cancel();
    },
  };
}
