/**
 * Balances materialized from the ledger (SPEC [L10], [L11]): what stock and FEFO read, instead of
 * folding events.
 *
 * A draw is one write: `recordEvents` stores the events, and the live state (live-balances.ts)
 * has folded them by the time it returns. The persisted snapshot follows behind the ledger
 * (balance-snapshot.ts) and is repaired exactly on open by folding the events after its checkpoint.
 * `auditBalances`, run when the tablet is idle, compares Σ eventCount with the ledger's size and
 * rebuilds from the ledger in pages if they ever disagree.
 */
import { distinctUntilChanged, from, map, switchMap, type Observable } from 'rxjs';
import { balanceKey, reduceLedger, type ContainerState } from '../../domain/ledger/reducer';
import type { LedgerEvent } from '../../domain/model';
import type { ChairsideDatabase } from '../collections';
import type { LotBalanceDoc } from '../schemas/treatment';
import { containerView } from './balance-docs';
import type { SnapshotOptions } from './balance-snapshot';
import { allEvents, appendEvents, APPEND_CONTEXT, type AppendResult } from './events';
import { countStoredEvents, loadSnapshot, writeSnapshotRows } from './fold-storage';
import { LiveBalances } from './live-balances';

/** A balance as screens see it (the persisted cursor is the snapshot's business). */
export type Balance = Omit<LotBalanceDoc, 'foldedThrough'>;

const liveByDb = new WeakMap<ChairsideDatabase, LiveBalances>();

/** This database's live balances, started on first use (main.tsx starts them right after open). */
export function liveBalances(db: ChairsideDatabase, options?: SnapshotOptions): LiveBalances {
  let live = liveByDb.get(db);
  if (!live) {
    const created = new LiveBalances(db, options);
    liveByDb.set(db, created);
    db.onClose.push(() => created.dispose());
    live = created;
  }
  return live;
}

/**
 * Appends events; resolves once they are stored and folded into the live balances. The snapshot
 * write happens later, behind the ledger. `writeContext` labels the write in RxDB's change events
 * (the sync pull passes the replication's downstream flag, SPEC [S19]).
 */
export async function recordEvents(
  db: ChairsideDatabase,
  events: LedgerEvent[],
  writeContext = APPEND_CONTEXT,
): Promise<AppendResult> {
  const live = liveBalances(db);
  await live.ready;
  const result = await appendEvents(db, events, writeContext);
  await live.settled();
  return result;
}

/**
 * A lot can arrive after its events (sync order is not guaranteed): the balances folded before it
 * came have no product yet, and FEFO finds balances by product, so they learn it now ([MD9]).
 * (Other tabs' lot writes reach the live state through the lots collection's change stream.)
 */
export function learnLotProducts(db: ChairsideDatabase, lots: { id: string; productId: string }[]): void {
  liveBalances(db).learnProducts(lots);
}

/** Every balance now, once loaded. */
export async function currentBalances(db: ChairsideDatabase): Promise<Balance[]> {
  const live = liveBalances(db);
  await live.ready;
  return live.all();
}

/** One balance now (undefined when nothing was ever recorded for that lot there). */
export async function currentBalance(
  db: ChairsideDatabase,
  lotId: string,
  locationId: string,
): Promise<Balance | undefined> {
  const live = liveBalances(db);
  await live.ready;
  return live.get(balanceKey(lotId, locationId));
}

/** One opened container as the balances hold it now; null when this tablet has no record of it. */
export async function currentContainer(
  db: ChairsideDatabase,
  lotId: string,
  locationId: string,
  containerId: string,
): Promise<ContainerState | null> {
  const doc = await currentBalance(db, lotId, locationId);
  const entry = doc?.containers.find((c) => c.containerId === containerId);
  return doc && entry ? containerView(entry, doc) : null;
}

/** Balances matching `filter`, live: emits once loaded and again after every change. */
export function watchBalances(
  db: ChairsideDatabase,
  filter: (b: Balance) => boolean = () => true,
): Observable<Balance[]> {
  const live = liveBalances(db);
  // A fold replaces only the documents it changed, so unchanged results keep their identity.
  return from(live.ready).pipe(
    switchMap(() => live.changes),
    map(() => live.all().filter(filter)),
    distinctUntilChanged((a, b) => a.length === b.length && a.every((doc, i) => doc === b[i])),
  );
}

/** Writes the pending snapshot now, lag or not (tests, the benchmark, an orderly shutdown). */
export async function flushBalances(db: ChairsideDatabase): Promise<void> {
  const live = liveBalances(db);
  await live.ready;
  await live.snapshotWriter()?.flush(true);
}

/**
 * Replaces the snapshot with a fold of the whole ledger: the stored documents and checkpoint are
 * deleted, and the live state folds every event again in pages (as on a first start) and the
 * writer stores them anew.
 */
export async function rebuildBalances(db: ChairsideDatabase): Promise<void> {
  const live = liveBalances(db);
  await live.ready;
  const { docs, checkpoint } = await loadSnapshot(db);
  const stored = [...docs.values(), ...(checkpoint ? [checkpoint] : [])];
  // A document another tab rewrote meanwhile (409) is replaced by the next snapshot write anyway.
  await writeSnapshotRows(
    db,
    stored.map((doc) => ({ previous: doc, document: { ...doc, _deleted: true } })),
  );
  await live.reload();
}

/**
 * The idle-time check (never at boot): every stored event must be folded exactly once, so
 * Σ eventCount equals the number of events. If not, rebuilds from the ledger. True if it rebuilt.
 */
export async function auditBalances(db: ChairsideDatabase): Promise<boolean> {
  const live = liveBalances(db);
  await live.ready;
  const [eventCount, folded] = [
    await countStoredEvents(db),
    live.all().reduce((sum, b) => sum + b.eventCount, 0),
  ];
  if (eventCount === folded) return false;
  await rebuildBalances(db);
  return true;
}

/** Differences between the live balances and the domain reducer over the ledger (empty = agree). */
export async function diffAgainstReducer(db: ChairsideDatabase): Promise<string[]> {
  const state = reduceLedger(await allEvents(db));
  const balances = await currentBalances(db);
  const diffs: string[] = [];
  if (balances.length !== state.lots.size)
    diffs.push(`balances: ${balances.length} docs, reducer has ${state.lots.size}`);
  let containerCount = 0;
  for (const doc of balances) {
    const expected = state.lots.get(doc.key);
    if (!expected || expected.onHandMilli !== doc.onHandMilli || expected.eventCount !== doc.eventCount) {
      diffs.push(
        `balance ${doc.key}: ${doc.onHandMilli}/${doc.eventCount} vs ${expected?.onHandMilli}/${expected?.eventCount}`,
      );
    }
    for (const entry of doc.containers) {
      containerCount += 1;
      const view = containerView(entry, doc);
      const want = state.containers.get(entry.containerId);
      if (JSON.stringify(view) !== JSON.stringify(want))
        diffs.push(`container ${entry.containerId}: ${JSON.stringify(view)} vs ${JSON.stringify(want)}`);
    }
  }
  if (containerCount !== state.containers.size)
    diffs.push(`containers: ${containerCount}, reducer has ${state.containers.size}`);
  return diffs;
}
