/**
 * Pure folding of ledger events into balance documents (one per lot × location, with that lot's
 * opened containers). Used on the write path (a few events into one document), by the rebuild (the
 * whole ledger at once) and by the benchmark's seeding. Every field is a sum, a min or a set
 * update, so the fold is order-free like the domain reducer it must always equal (SPEC [L10]).
 *
 * Example: receive +100 U (r1), open o1, draw −40 U from o1 →
 *   { onHandMilli: 60_000, eventCount: 3, firstReceivedAt: r1.deviceTime,
 *     containers: [{ containerId: o1, openedAt: o1.deviceTime, capacityMilli: 100_000, usedMilli: 40_000 }] }
 */
import { balanceKey, type ContainerState } from '../../domain/ledger/reducer';
import type { LedgerEvent } from '../../domain/model';
import type { ContainerEntry, LotBalanceDoc } from '../schemas/treatment';

export function blankBalance(e: Pick<LedgerEvent, 'lotId' | 'locationId'>, productId: string): LotBalanceDoc {
  return {
    key: balanceKey(e.lotId, e.locationId),
    lotId: e.lotId,
    locationId: e.locationId,
    productId,
    onHandMilli: 0,
    eventCount: 0,
    firstReceivedAt: null,
    containers: [],
  };
}

function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function foldContainer(entry: ContainerEntry, e: LedgerEvent): ContainerEntry {
  const next = { ...entry, usedMilli: entry.usedMilli - e.quantityMilli };
  if (e.type === 'open' && e.id === entry.containerId) {
    const capacity = e.payload.capacityMilli;
    return { ...next, openedAt: e.deviceTime, capacityMilli: typeof capacity === 'number' ? capacity : null };
  }
  if (e.correctsId === entry.containerId) return { ...next, openCorrected: true };
  return next;
}

/** Folds one event into its balance document (which must be for the event's lot × location). */
export function foldEvent(doc: LotBalanceDoc, e: LedgerEvent): LotBalanceDoc {
  const received = e.type === 'receive' && e.correctsId === null ? e.deviceTime : null;
  let containers = doc.containers;
  if (e.containerId !== null) {
    const id = e.containerId;
    const existing = containers.find((c) => c.containerId === id);
    const blank: ContainerEntry = {
      containerId: id,
      openedAt: null,
      capacityMilli: null,
      openCorrected: false,
      usedMilli: 0,
    };
    const updated = foldContainer(existing ?? blank, e);
    containers = existing
      ? containers.map((c) => (c.containerId === id ? updated : c))
      : [...containers, updated];
  }
  return {
    ...doc,
    onHandMilli: doc.onHandMilli + e.quantityMilli,
    eventCount: doc.eventCount + 1,
    firstReceivedAt: earliest(doc.firstReceivedAt, received),
    containers,
  };
}

/** The container as the domain sees it: an undone open means "not opened". */
export function containerView(
  entry: ContainerEntry,
  doc: Pick<LotBalanceDoc, 'lotId' | 'locationId'>,
): ContainerState {
  const live = !entry.openCorrected && entry.openedAt !== null;
  const capacityMilli = live ? entry.capacityMilli : null;
  return {
    containerId: entry.containerId,
    lotId: doc.lotId,
    locationId: doc.locationId,
    openedAt: live ? entry.openedAt : null,
    capacityMilli,
    usedMilli: entry.usedMilli,
    remainingMilli: capacityMilli === null ? null : capacityMilli - entry.usedMilli,
  };
}

/** All balance documents for a ledger, in one pass (duplicates by id count once). */
export function balanceDocsFromLedger(
  events: Iterable<LedgerEvent>,
  productIdOfLot: (lotId: string) => string,
): LotBalanceDoc[] {
  const seen = new Set<string>();
  const docs = new Map<string, LotBalanceDoc>();
  for (const e of events) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    const key = balanceKey(e.lotId, e.locationId);
    docs.set(key, foldEvent(docs.get(key) ?? blankBalance(e, productIdOfLot(e.lotId)), e));
  }
  return [...docs.values()];
}
