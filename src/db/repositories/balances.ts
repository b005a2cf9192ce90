/**
 * Balances materialized from the ledger as events are written (or replicated), so stock and FEFO
 * lookups read a handful of documents instead of folding the ledger (SPEC [L10]).
 *
 * `appendEvents` reports only newly stored ids, so an event is folded once; the fold itself
 * (balance-docs.ts) is order-free. If the app dies between storing an event and updating its
 * balance, `repairBalancesIfStale` (run at boot) sees Σ eventCount ≠ number of events and rebuilds
 * everything from the ledger.
 */
import { balanceKey, reduceLedger } from '../../domain/ledger/reducer';
import type { LedgerEvent } from '../../domain/model';
import type { ChairsideDatabase } from '../collections';
import { balanceDocsFromLedger, containerView } from './balance-docs';
import { prefetchBalances, writeBalances } from './balance-writer';
import { allEvents, appendEvents, type AppendResult } from './events';

/**
 * Appends events and folds the newly stored ones into the balances, in sequence: only the insert's
 * answer says which ids are new (a re-delivered event must not be folded twice), and measured in
 * Chromium, overlapping the two writes gained little (decisions/2026-11-30_balance-write-path.md).
 * The stored state of the touched balances is loaded meanwhile if this tab has not seen it yet.
 */
export async function recordEvents(db: ChairsideDatabase, events: LedgerEvent[]): Promise<AppendResult> {
  const prefetch = prefetchBalances(db, [...new Set(events.map((e) => balanceKey(e.lotId, e.locationId)))]);
  const [result] = await Promise.all([appendEvents(db, events), prefetch]);
  await materialize(db, result.inserted);
  return result;
}

function groupByBalance(events: LedgerEvent[]): Map<string, LedgerEvent[]> {
  const groups = new Map<string, LedgerEvent[]>();
  for (const e of events) {
    const key = balanceKey(e.lotId, e.locationId);
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  return groups;
}

/** Folds stored events into their balance documents: one storage write for all touched documents. */
export async function materialize(db: ChairsideDatabase, events: LedgerEvent[]): Promise<void> {
  await writeBalances(db, groupByBalance(events));
}

/** Replaces all materialized documents with a one-pass fold of the whole ledger. */
export async function rebuildBalances(db: ChairsideDatabase): Promise<void> {
  const [events, lots] = await Promise.all([allEvents(db), db.lots.find().exec()]);
  const productOfLot = new Map(lots.map((l) => [l.id, l.productId]));
  const docs = balanceDocsFromLedger(events, (lotId) => productOfLot.get(lotId) ?? '');
  await db.balances.find().remove();
  await db.balances.bulkInsert(docs);
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
  const balances = (await db.balances.find().exec()).map((d) => d.toMutableJSON());
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
