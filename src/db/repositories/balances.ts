/**
 * Balances materialized from the ledger as events are written (or, later, replicated), so stock
 * and FEFO lookups read a handful of documents instead of folding the ledger (SPEC [L10]).
 *
 * Every update is a sum or a min, so applying events in any order gives the same documents, and
 * `appendEvents` reports only newly stored ids, so an event is never applied twice. If the app dies
 * between storing an event and updating its balance, `repairBalancesIfStale` (run at boot) sees
 * Σ eventCount ≠ number of events and rebuilds everything from the ledger with the domain reducer.
 *
 * Example: receive +100 U, then draw −40 U from container C (opened by event C):
 *   balances[lot|loc] = { onHandMilli: 60_000, eventCount: 3, firstReceivedAt: <receive time> }
 *   containers[C]     = { openedAt: <open time>, capacityMilli: 100_000, usedMilli: 40_000 }
 */
import { balanceKey, reduceLedger } from '../../domain/ledger/reducer';
import type { LedgerEvent } from '../../domain/model';
import type { ChairsideDatabase } from '../collections';
import type { ContainerDoc, LotBalanceDoc } from '../schemas/treatment';
import { allEvents, appendEvents, type AppendResult } from './events';

export interface RecordOptions {
  /**
   * Queue the new events for the sync server (true for work done on this tablet; false for events
   * that came from the server or from the demo data set, which the server already has).
   */
  queue: boolean;
  /**
   * The ids were just generated on this device, so none can be stored yet: the event insert and
   * the balance updates then run concurrently (the draw hot path). Should an id exist after all,
   * the balances are rebuilt from the ledger, so correctness never depends on the guess.
   */
  fresh?: boolean;
}

/** Appends events, folds the newly stored ones into the balances and queues them for sync. */
export async function recordEvents(
  db: ChairsideDatabase,
  events: LedgerEvent[],
  options: RecordOptions = { queue: true },
): Promise<AppendResult> {
  if (options.fresh) {
    const [result] = await Promise.all([
      appendEvents(db, events),
      materialize(db, events),
      queue(db, events, options),
    ]);
    if (result.alreadyPresent.length > 0) await rebuildBalances(db);
    return result;
  }
  const result = await appendEvents(db, events);
  await Promise.all([materialize(db, result.inserted), queue(db, result.inserted, options)]);
  return result;
}

async function queue(db: ChairsideDatabase, events: LedgerEvent[], options: RecordOptions): Promise<void> {
  if (!options.queue || events.length === 0) return;
  await db.outbox.bulkUpsert(
    events.map((e) => ({ eventId: e.id, queuedAt: e.deviceTime, rejectedReason: null })),
  );
}

function groupBy<K>(events: LedgerEvent[], key: (e: LedgerEvent) => K | null): Map<K, LedgerEvent[]> {
  const groups = new Map<K, LedgerEvent[]>();
  for (const e of events) {
    const k = key(e);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  return groups;
}

/** Folds events into their documents: one atomic update per touched document, all concurrently. */
export async function materialize(db: ChairsideDatabase, events: LedgerEvent[]): Promise<void> {
  const byBalance = groupBy(events, (e) => balanceKey(e.lotId, e.locationId));
  const byContainer = groupBy(events, (e) => e.containerId);
  await Promise.all([
    ...[...byBalance.entries()].map(([key, group]) => applyToLotBalance(db, key, group)),
    ...[...byContainer.entries()].map(([containerId, group]) => applyToContainer(db, containerId, group)),
  ]);
}

/** Insert-or-modify that survives a concurrent insert of the same key (another tab). */
async function upsertWith<T extends object>(
  find: () => Promise<{ incrementalModify: (fn: (d: T) => T) => Promise<unknown> } | null>,
  insert: () => Promise<unknown>,
  modify: (doc: T) => T,
): Promise<void> {
  const existing = await find();
  if (existing) {
    await existing.incrementalModify(modify);
    return;
  }
  try {
    await insert();
  } catch (error) {
    const raced = await find();
    if (!raced) throw error;
    await raced.incrementalModify(modify);
  }
}

function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function foldIntoBalance(doc: LotBalanceDoc, e: LedgerEvent): LotBalanceDoc {
  const received = e.type === 'receive' && e.correctsId === null ? e.deviceTime : null;
  return {
    ...doc,
    onHandMilli: doc.onHandMilli + e.quantityMilli,
    eventCount: doc.eventCount + 1,
    firstReceivedAt: earliest(doc.firstReceivedAt, received),
  };
}

async function applyToLotBalance(db: ChairsideDatabase, key: string, group: LedgerEvent[]): Promise<void> {
  const first = group[0];
  if (!first) return;
  const fold = (doc: LotBalanceDoc) => group.reduce(foldIntoBalance, doc);
  const blank: LotBalanceDoc = {
    key,
    lotId: first.lotId,
    locationId: first.locationId,
    onHandMilli: 0,
    eventCount: 0,
    firstReceivedAt: null,
  };
  await upsertWith<LotBalanceDoc>(
    () => db.balances.findOne(key).exec(),
    () => db.balances.insert(fold(blank)),
    fold,
  );
}

function withEvent(doc: ContainerDoc, e: LedgerEvent): ContainerDoc {
  const containerId = doc.containerId;
  const next = { ...doc, usedMilli: doc.usedMilli - e.quantityMilli };
  if (e.type === 'open' && e.id === containerId) {
    const capacity = e.payload.capacityMilli;
    return {
      ...next,
      lotId: e.lotId,
      locationId: e.locationId,
      openedAt: e.deviceTime,
      capacityMilli: typeof capacity === 'number' ? capacity : null,
    };
  }
  if (e.correctsId === containerId) return { ...next, openCorrected: true };
  return next;
}

async function applyToContainer(
  db: ChairsideDatabase,
  containerId: string,
  group: LedgerEvent[],
): Promise<void> {
  const first = group[0];
  if (!first) return;
  const fold = (doc: ContainerDoc) => group.reduce(withEvent, doc);
  const blank: ContainerDoc = {
    containerId,
    lotId: first.lotId,
    locationId: first.locationId,
    openedAt: null,
    capacityMilli: null,
    openCorrected: false,
    usedMilli: 0,
  };
  await upsertWith<ContainerDoc>(
    () => db.containers.findOne(containerId).exec(),
    () => db.containers.insert(fold(blank)),
    fold,
  );
}

/** The container as the domain sees it: an undone open means "not opened". */
export function containerView(doc: ContainerDoc) {
  const live = !doc.openCorrected && doc.openedAt !== null;
  const capacityMilli = live ? doc.capacityMilli : null;
  return {
    containerId: doc.containerId,
    lotId: doc.lotId,
    locationId: doc.locationId,
    openedAt: live ? doc.openedAt : null,
    capacityMilli,
    usedMilli: doc.usedMilli,
    remainingMilli: capacityMilli === null ? null : capacityMilli - doc.usedMilli,
  };
}

/** Replaces all materialized documents with the reducer's fold of the whole ledger. */
export async function rebuildBalances(db: ChairsideDatabase): Promise<void> {
  const events = await allEvents(db);
  await db.balances.find().remove();
  await db.containers.find().remove();
  await materialize(db, events);
}

/** Cheap boot check: every stored event must be folded in exactly once. */
export async function repairBalancesIfStale(db: ChairsideDatabase): Promise<boolean> {
  const [eventCount, balances] = await Promise.all([db.events.count().exec(), db.balances.find().exec()]);
  const folded = balances.reduce((sum, b) => sum + b.eventCount, 0);
  if (folded === eventCount) return false;
  await rebuildBalances(db);
  return true;
}

/** Differences between the materialized view and the domain reducer (empty = they agree). */
export async function diffAgainstReducer(db: ChairsideDatabase): Promise<string[]> {
  const state = reduceLedger(await allEvents(db));
  const diffs: string[] = [];
  const balances = await db.balances.find().exec();
  if (balances.length !== state.lots.size)
    diffs.push(`balances: ${balances.length} docs, reducer has ${state.lots.size}`);
  for (const doc of balances) {
    const expected = state.lots.get(doc.key);
    if (!expected || expected.onHandMilli !== doc.onHandMilli || expected.eventCount !== doc.eventCount) {
      diffs.push(
        `balance ${doc.key}: ${doc.onHandMilli}/${doc.eventCount} vs ${expected?.onHandMilli}/${expected?.eventCount}`,
      );
    }
  }
  const containers = await db.containers.find().exec();
  if (containers.length !== state.containers.size)
    diffs.push(`containers: ${containers.length} docs, reducer has ${state.containers.size}`);
  for (const doc of containers) {
    const view = containerView(doc.toMutableJSON());
    const expected = state.containers.get(doc.containerId);
    if (JSON.stringify(view) !== JSON.stringify(expected))
      diffs.push(`container ${doc.containerId}: ${JSON.stringify(view)} vs ${JSON.stringify(expected)}`);
  }
  return diffs;
}
