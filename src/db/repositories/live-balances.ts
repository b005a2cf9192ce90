/**
 * The balances every screen reads (SPEC [L10], [L11]): one document per lot × location with its
 * opened containers, held in memory and folded from the ledger's insert stream as each write
 * commits — this tab's draws before their call returns, other tabs' and sync pulls as they land.
 *
 * Opening reads the persisted snapshot and folds only the events stored after its checkpoint
 * (balance-snapshot.ts), a page at a time: the cost follows the tail, never the ledger. Events that
 * arrive while it loads are held and folded after, each once.
 */
import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import type { ChairsideDatabase } from '../collections';
import type { FoldCursor, LotBalanceDoc } from '../schemas/treatment';
import { blankBalance, foldEvent } from './balance-docs';
import { SnapshotWriter, type SnapshotOptions } from './balance-snapshot';
import {
  cursorOf,
  eventsAfter,
  findCheckpoint,
  isAfter,
  loadSnapshot,
  watchInsertedEvents,
  type StoredBalance,
  type StoredEvent,
} from './fold-storage';

type Plain = Omit<LotBalanceDoc, 'foldedThrough'>;

const TAIL_MEMORY_MS = 60_000;

function plainOf(doc: LotBalanceDoc): Plain {
  return {
    key: doc.key,
    lotId: doc.lotId,
    locationId: doc.locationId,
    productId: doc.productId,
    onHandMilli: doc.onHandMilli,
    eventCount: doc.eventCount,
    firstReceivedAt: doc.firstReceivedAt,
    containers: doc.containers,
  };
}

export class LiveBalances {
  private docs = new Map<string, Plain>();
  private readonly productOfLot = new Map<string, string>();
  private readonly version = new BehaviorSubject(0);
  private held: StoredEvent[][] | null = [];
  /**
   * Ids the last load folded from the tail. Another tab's write can be committed before the tail
   * is read and announced on the multi-instance channel after the load is done; its announcement
   * is then skipped. The channel delivers within milliseconds; the set is kept TAIL_MEMORY_MS.
   */
  private loadedIds: Set<string> | null = null;
  private loadedIdsTimer: ReturnType<typeof setTimeout> | null = null;
  private writer: SnapshotWriter | null = null;
  private readonly subscriptions: Subscription[] = [];
  private lookups: Promise<void> = Promise.resolve();
  /** Lots already looked up; one that is still missing is learnt when it arrives ([MD9]). */
  private readonly askedLots = new Set<string>();
  /** What the last load read: snapshot documents and tail events (the open cost, [L11]). */
  lastLoad = { snapshotDocs: 0, tailEvents: 0, snapshotMs: 0, tailMs: 0 };
  /** Resolves once the snapshot and its tail are folded (rejects if the database could not be read). */
  ready: Promise<void>;

  constructor(
    private readonly db: ChairsideDatabase,
    private readonly options: SnapshotOptions = {},
  ) {
    this.subscriptions.push(watchInsertedEvents(db, (events) => this.onInserted(events)));
    this.subscriptions.push(db.lots.$.subscribe((change) => this.learnProducts([change.documentData])));
    this.ready = this.load();
  }

  /** Bumps on every change; screens re-read through it. */
  get changes(): Observable<number> {
    return this.version.asObservable();
  }

  get(key: string): Plain | undefined {
    return this.docs.get(key);
  }

  all(): Plain[] {
    return [...this.docs.values()];
  }

  /** The product of a lot as far as this tablet knows ('' when the lot has not arrived yet). */
  productOf = (lotId: string): string => this.productOfLot.get(lotId) ?? '';

  /** Resolves when product lookups started by earlier folds are done. */
  settled(): Promise<void> {
    return this.lookups;
  }

  /** The snapshot writer (null until loaded), for flushing in tests and the benchmark. */
  snapshotWriter(): SnapshotWriter | null {
    return this.writer;
  }

  /** Reads the whole tail after `cursor` (a page at a time). */
  private async readTail(cursor: FoldCursor | null): Promise<StoredEvent[]> {
    const tail: StoredEvent[] = [];
    for await (const page of eventsAfter(this.db, cursor)) for (const e of page) tail.push(e);
    return tail;
  }

  private async load(): Promise<void> {
    const started = performance.now();
    // The checkpoint is one small document: with it, the snapshot and its tail are read at once.
    const checkpoint = await findCheckpoint(this.db);
    const [snapshot, tailRead] = await Promise.all([
      loadSnapshot(this.db).then((s) => ({ ...s, ms: performance.now() - started })),
      this.readTail(checkpoint?.foldedThrough ?? null),
    ]);
    // A checkpoint written between the two reads is newer than the tail's start: harmless, since
    // every event the snapshot documents include is skipped by their own cursors below.
    // No checkpoint: a first start, or v0 data from before the snapshot existed — fold it all.
    const trusted = checkpoint ? snapshot.docs : new Map<string, StoredBalance>();
    const cursors = new Map<string, FoldCursor | null | undefined>();
    const docs = new Map<string, Plain>();
    for (const [key, doc] of trusted) {
      docs.set(key, plainOf(doc));
      cursors.set(key, doc.foldedThrough);
    }
    this.docs = docs;
    for (const doc of docs.values()) if (doc.productId) this.productOfLot.set(doc.lotId, doc.productId);
    const tail: StoredEvent[] = [];
    const folded = new Set<string>();
    const foldUnlessIncluded = (e: StoredEvent) => {
      if (folded.has(e.id) || !isAfter(cursorOf(e), cursors.get(`${e.lotId}|${e.locationId}`))) return;
      folded.add(e.id);
      tail.push(e);
      this.fold(e);
    };
    tailRead.forEach(foldUnlessIncluded);
    this.lastLoad = {
      snapshotDocs: trusted.size,
      tailEvents: tailRead.length,
      snapshotMs: snapshot.ms,
      tailMs: performance.now() - started - snapshot.ms,
    };
    for (const batch of this.held ?? []) batch.forEach(foldUnlessIncluded);
    this.held = null;
    this.rememberLoaded(folded);
    this.writer?.dispose();
    // Untrusted documents are kept only as the revision the first snapshot write replaces.
    const stored = checkpoint
      ? [...snapshot.docs.values(), ...(snapshot.checkpoint ? [snapshot.checkpoint] : [])]
      : [...snapshot.docs.values()].map((doc) => ({ ...doc, _deleted: true }));
    this.writer = new SnapshotWriter(this.db, stored, this.productOf, this.options);
    this.writer.add(tail);
    // Ready only with every balance's product known: folded after a reopen (a tablet killed before
    // its snapshot was written), a balance has none until its lot is read, and a FEFO lookup right
    // after opening would find no lot of the product ([S31]).
    await this.resolveProducts();
    this.version.next(this.version.value + 1);
  }

  private rememberLoaded(ids: Set<string>): void {
    if (this.loadedIdsTimer !== null) clearTimeout(this.loadedIdsTimer);
    this.loadedIds = ids;
    this.loadedIdsTimer = setTimeout(() => {
      this.loadedIds = null;
      this.loadedIdsTimer = null;
    }, TAIL_MEMORY_MS);
  }

  private onInserted(inserted: StoredEvent[]): void {
    if (this.held) {
      this.held.push(inserted);
      return;
    }
    const loaded = this.loadedIds;
    const events = loaded ? inserted.filter((e) => !loaded.has(e.id)) : inserted;
    if (events.length === 0) return;
    for (const e of events) this.fold(e);
    this.writer?.add(events);
    void this.resolveProducts(events);
    this.version.next(this.version.value + 1);
  }

  private fold(e: StoredEvent): void {
    const key = `${e.lotId}|${e.locationId}`;
    const doc = this.docs.get(key) ?? blankBalance(e, this.productOf(e.lotId));
    this.docs.set(key, plainOf(foldEvent(doc, e)));
  }

  /** Gives balances whose lot arrived after their events that lot's product ([MD9]). */
  learnProducts(lots: { id: string; productId: string }[]): void {
    let changed = false;
    for (const lot of lots) {
      if (!lot.productId || this.productOfLot.get(lot.id) === lot.productId) continue;
      this.productOfLot.set(lot.id, lot.productId);
      for (const [key, doc] of this.docs) {
        if (doc.lotId === lot.id && doc.productId === '') {
          this.docs.set(key, { ...doc, productId: lot.productId });
          changed = true;
        }
      }
    }
    if (changed) this.version.next(this.version.value + 1);
  }

  /** Looks up the product of lots whose balances do not know it yet (a first receipt, a pull). */
  /** Resolves once the products it asked for are learned. */
  private resolveProducts(folded?: StoredEvent[]): Promise<void> {
    // After a fold only the documents it touched can be new; after a load, any of them.
    const docs = folded
      ? folded.map((e) => this.docs.get(`${e.lotId}|${e.locationId}`)).filter((d) => d !== undefined)
      : this.docs.values();
    const unknown = new Set<string>();
    for (const doc of docs) {
      if (doc.productId === '' && !this.askedLots.has(doc.lotId)) unknown.add(doc.lotId);
    }
    if (unknown.size === 0) return this.lookups;
    for (const lotId of unknown) this.askedLots.add(lotId);
    this.lookups = this.lookups
      .then(async () => {
        const lots = await this.db.lots.findByIds([...unknown]).exec();
        this.learnProducts([...lots.values()].map((l) => ({ id: l.id, productId: l.productId })));
      })
      .catch(() => undefined);
    return this.lookups;
  }

  /** Drops the in-memory state and folds the stored snapshot and its tail again. */
  reload(): Promise<void> {
    this.held = [];
    this.ready = this.load();
    return this.ready;
  }

  dispose(): void {
    if (this.loadedIdsTimer !== null) clearTimeout(this.loadedIdsTimer);
    for (const s of this.subscriptions) s.unsubscribe();
    this.writer?.dispose();
  }
}
