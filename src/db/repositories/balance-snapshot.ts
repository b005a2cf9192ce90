/**
 * The persisted snapshot of the balances, written behind the ledger (SPEC [L11]).
 *
 * A draw is durable once its event is stored; this writer folds stored events into the balance
 * documents later, coalesced, in the ledger's storage order (RxDB's `_meta.lwt`, then id), and
 * only once they are LAG_MS old: another tab's write is stamped before it commits and reaches this
 * tab after, so a younger event may still be overtaken by an older one. Each document it writes
 * carries the cursor of the last event folded into it, and the checkpoint document the cursor up
 * to which every event is folded. On open, the live state folds the events after the checkpoint,
 * skipping those a document already includes: exact whichever tab wrote what, however a write was
 * cut short.
 *
 * Example (LAG 5 s): receive r1 at t=0, draw d1 at t=1 s. At t≈5.1 s the writer stores r1 and d1
 * into `lot|loc` with foldedThrough = d1's cursor, and the checkpoint = d1's cursor. A tab killed
 * at t=3 s stored nothing of them: on open both are after the (older) checkpoint and are folded.
 *
 * Several tabs may each run a writer: every write names the stored revision it folds onto, and a
 * refused one (409, another writer came first) is redone onto the stored document, folding only
 * the events after that document's own cursor.
 */
import { getHeightOfRevision } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { ChairsideDatabase } from '../collections';
import { CHECKPOINT_KEY, type FoldCursor, type LotBalanceDoc } from '../schemas/treatment';
import { blankBalance, foldEvent } from './balance-docs';
import {
  cursorOf,
  isAfter,
  laterCursor,
  watchStoredBalances,
  writeSnapshotRows,
  type BalanceWriteRow,
  type StoredBalance,
  type StoredEvent,
} from './fold-storage';

/** How old an event must be before it is folded into the snapshot (see above). */
export const LAG_MS = 5000;
/** A refused write is retried this often before the flush gives up (and tries again later). */
const MAX_ATTEMPTS = 10;
const RETRY_AFTER_FAILURE_MS = 10_000;

export interface SnapshotOptions {
  lagMs?: number;
  nowMs?: () => number;
}

function compareStored(a: StoredEvent, b: StoredEvent): number {
  if (a._meta.lwt !== b._meta.lwt) return a._meta.lwt - b._meta.lwt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function groupByKey(events: StoredEvent[]): Map<string, StoredEvent[]> {
  const groups = new Map<string, StoredEvent[]>();
  for (const e of events) {
    const key = `${e.lotId}|${e.locationId}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  return groups;
}

/** A storage row from a plain document (RxDB's wrapper sets the new `_rev` and `_meta`). */
function row(document: LotBalanceDoc, previous: StoredBalance | undefined): BalanceWriteRow {
  const stored: StoredBalance = {
    ...document,
    _deleted: false,
    _attachments: {},
    _rev: previous?._rev ?? '',
    _meta: previous?._meta ?? { lwt: 0 },
  };
  return previous ? { previous, document: stored } : { document: stored };
}

function plainOf(doc: StoredBalance): LotBalanceDoc {
  const { _deleted: _d, _attachments: _a, _rev: _r, _meta: _m, ...plain } = doc;
  return plain;
}

export class SnapshotWriter {
  private readonly stored = new Map<string, StoredBalance>();
  private pending: StoredEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private readonly subscription: Subscription;
  private readonly lagMs: number;
  private readonly nowMs: () => number;
  private disposed = false;
  /** The last failed write, for the Settings screen and tests (null after a good one). */
  lastError: unknown = null;

  constructor(
    private readonly db: ChairsideDatabase,
    stored: Iterable<StoredBalance>,
    private readonly productOf: (lotId: string) => string,
    options: SnapshotOptions = {},
  ) {
    this.lagMs = options.lagMs ?? LAG_MS;
    this.nowMs = options.nowMs ?? Date.now;
    for (const doc of stored) this.remember(doc);
    this.subscription = watchStoredBalances(db, (docs) => docs.forEach((d) => this.remember(d)));
  }

  /** Keeps the highest revision: another tab's older write may be announced after our newer one. */
  private remember(doc: StoredBalance): void {
    const known = this.stored.get(doc.key);
    if (!known || getHeightOfRevision(doc._rev) >= getHeightOfRevision(known._rev))
      this.stored.set(doc.key, doc);
  }

  /** Stored events not yet in the snapshot. */
  add(events: StoredEvent[]): void {
    if (this.disposed) return;
    for (const e of events) this.pending.push(e);
    this.schedule(this.lagMs + 50);
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  private schedule(delayMs: number): void {
    if (this.timer !== null || this.pending.length === 0 || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
  }

  /**
   * Folds the pending events that are old enough (all of them with `all`, for tests and the
   * benchmark) into the stored documents. Flushes run one after another.
   */
  flush(all = false): Promise<void> {
    this.flushing = this.flushing.then(() => this.flushOnce(all));
    return this.flushing;
  }

  private async flushOnce(all: boolean): Promise<void> {
    if (this.disposed) return;
    const cutoff = all ? Infinity : this.nowMs() - this.lagMs;
    const ready = this.pending.filter((e) => e._meta.lwt <= cutoff).sort(compareStored);
    if (ready.length === 0) return this.schedule(this.lagMs);
    const taken = new Set(ready);
    this.pending = this.pending.filter((e) => !taken.has(e));
    try {
      await this.write(ready);
      this.lastError = null;
    } catch (error) {
      if (this.disposed) return;
      // Full disk, a closing database…: nothing is lost, the events stay pending and the live
      // state is unaffected; on a reopen they are in the tail.
      this.lastError = error;
      this.pending = ready.concat(this.pending);
      this.schedule(RETRY_AFTER_FAILURE_MS);
      return;
    }
    this.schedule(this.lagMs);
  }

  /** The document for `key` with `events` folded in, or null when it already includes them all. */
  private foldedDoc(key: string, events: StoredEvent[]): LotBalanceDoc | null {
    const stored = this.stored.get(key);
    const live = stored && !stored._deleted ? plainOf(stored) : undefined;
    const fresh = events.filter((e) => isAfter(cursorOf(e), live?.foldedThrough));
    const last = fresh[fresh.length - 1];
    if (!last) return null;
    const base = live ?? blankBalance(last, this.productOf(last.lotId));
    const folded = fresh.reduce(foldEvent, {
      ...base,
      productId: base.productId || this.productOf(last.lotId),
    });
    return { ...folded, foldedThrough: cursorOf(last) };
  }

  private checkpointDoc(through: FoldCursor): LotBalanceDoc {
    const stored = this.stored.get(CHECKPOINT_KEY);
    const previous = stored && !stored._deleted ? stored.foldedThrough : null;
    return {
      ...blankBalance({ lotId: '', locationId: '' }, ''),
      key: CHECKPOINT_KEY,
      foldedThrough: laterCursor(previous, through),
    };
  }

  /** Documents whose lot arrived after their events ([MD9]): their product, persisted. */
  private productFills(skip: Set<string>): LotBalanceDoc[] {
    const fills: LotBalanceDoc[] = [];
    for (const [key, doc] of this.stored) {
      if (skip.has(key) || key === CHECKPOINT_KEY || doc._deleted || doc.productId !== '') continue;
      const productId = this.productOf(doc.lotId);
      if (productId) fills.push({ ...plainOf(doc), productId });
    }
    return fills;
  }

  private async write(ready: StoredEvent[]): Promise<void> {
    let groups = groupByKey(ready);
    const through = cursorOf(ready[ready.length - 1] as StoredEvent);
    let withCheckpoint = true;
    for (let attempt = 1; groups.size > 0 || withCheckpoint; attempt++) {
      const docs: LotBalanceDoc[] = [];
      for (const [key, events] of groups) {
        const doc = this.foldedDoc(key, events);
        if (doc) docs.push(doc);
      }
      docs.push(...this.productFills(new Set(groups.keys())));
      if (withCheckpoint) docs.push(this.checkpointDoc(through));
      const result = await writeSnapshotRows(
        this.db,
        docs.map((doc) => row(doc, this.stored.get(doc.key))),
      );
      const refused = new Map<string, StoredEvent[]>();
      withCheckpoint = false;
      for (const error of result.error) {
        if (error.status !== 409 || attempt >= MAX_ATTEMPTS)
          throw new Error(`could not store balance ${error.documentId}: status ${error.status}`);
        // Another writer came first: fold onto what it stored.
        this.remember(error.documentInDb);
        if (error.documentId === CHECKPOINT_KEY) withCheckpoint = true;
        const group = groups.get(error.documentId);
        if (group) refused.set(error.documentId, group);
      }
      groups = refused;
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.subscription.unsubscribe();
  }
}
