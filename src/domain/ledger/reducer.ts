/**
 * Stock on hand, folded from the ledger. SPEC.md [L6]-[L8].
 *
 * The fold must give the same answer whatever order events arrive in (two tablets sync in any
 * order) and however often one is delivered (retries). So: an id counts once (first copy wins; a
 * second copy with different content is reported in `conflicts`, never thrown), and every number
 * is a sum, which is order-free. Container facts that come from the `open` event are looked up by
 * id (the container id IS the open event's id), so draws that arrive before their open still add up.
 *
 * Worked example (lot L at location M, Botox vial of 100 U):
 *   receive r1 +100_000                   → L|M onHand 100_000
 *   draw d1 -40_000 container o1          → L|M 60_000; container o1 used 40_000, remaining null
 *   open o1 capacity 100_000 (late)       → container o1 openedAt set, remaining 60_000
 *   draw d1 again (retry)                 → ignored: id already seen
 *   draw d1' +40_000 correctsId d1        → L|M 100_000; o1 used 0, remaining 100_000
 */
import { LEDGER_EVENT_SCALAR_FIELDS, type LedgerEvent } from '../model';

export interface LotBalance {
  lotId: string;
  locationId: string;
  onHandMilli: number;
  /** Distinct events on this lot × location, zero-quantity ones (open, count) included. */
  eventCount: number;
}

export interface ContainerState {
  containerId: string;
  lotId: string;
  locationId: string;
  /** deviceTime of the open event; null until it arrives, or when the open was corrected. */
  openedAt: string | null;
  capacityMilli: number | null;
  /** Net amount taken out of the container: -Σ quantityMilli of events carrying its id. */
  usedMilli: number;
  /** capacity - used; null while capacity is unknown. Negative when overfill was drawn. */
  remainingMilli: number | null;
}

export interface LedgerState {
  /** Keyed by balanceKey(lotId, locationId). */
  lots: Map<string, LotBalance>;
  containers: Map<string, ContainerState>;
  /** Ids delivered twice with different content, sorted; the first copy seen was kept. */
  conflicts: string[];
  /** Every distinct event applied, by id: what makes redelivery a no-op. */
  events: Map<string, LedgerEvent>;
  /** Corrected event id → ids of the corrections seen for it (the UI hides "undo" for these). */
  correctedBy: Map<string, string[]>;
}

/** "lotId|locationId": the key of `LedgerState.lots`. */
export function balanceKey(lotId: string, locationId: string): string {
  return `${lotId}|${locationId}`;
}

export function emptyLedgerState(): LedgerState {
  return { lots: new Map(), containers: new Map(), conflicts: [], events: new Map(), correctedBy: new Map() };
}

/** Same event content, payload key order ignored. */
export function sameEvent(a: LedgerEvent, b: LedgerEvent): boolean {
  if (LEDGER_EVENT_SCALAR_FIELDS.some((f) => a[f] !== b[f])) return false;
  const keys = Object.keys(a.payload);
  if (keys.length !== Object.keys(b.payload).length) return false;
  return keys.every(
    (k) => Object.prototype.hasOwnProperty.call(b.payload, k) && a.payload[k] === b.payload[k],
  );
}

function addConflict(state: LedgerState, id: string): void {
  if (state.conflicts.includes(id)) return;
  state.conflicts.push(id);
  state.conflicts.sort();
}

function applyToBalance(state: LedgerState, e: LedgerEvent): void {
  const key = balanceKey(e.lotId, e.locationId);
  const b = state.lots.get(key) ?? {
    lotId: e.lotId,
    locationId: e.locationId,
    onHandMilli: 0,
    eventCount: 0,
  };
  state.lots.set(key, { ...b, onHandMilli: b.onHandMilli + e.quantityMilli, eventCount: b.eventCount + 1 });
}

/** The live open event of a container, if it has arrived and has not been corrected. */
function liveOpen(state: LedgerState, containerId: string): LedgerEvent | null {
  const open = state.events.get(containerId);
  if (!open || open.type !== 'open' || open.correctsId !== null) return null;
  return state.correctedBy.has(containerId) ? null : open;
}

/** Recomputes the open-derived fields; lot/location come from the open when there is one. */
function refreshContainer(
  state: LedgerState,
  containerId: string,
  usedDelta: number,
  seed: LedgerEvent,
): void {
  const prev = state.containers.get(containerId);
  const open = liveOpen(state, containerId);
  const anchor = state.events.get(containerId)?.type === 'open' ? state.events.get(containerId) : undefined;
  const usedMilli = (prev?.usedMilli ?? 0) + usedDelta;
  const size = open?.payload.capacityMilli;
  const capacity = typeof size === 'number' && Number.isSafeInteger(size) ? size : null;
  state.containers.set(containerId, {
    containerId,
    lotId: anchor?.lotId ?? prev?.lotId ?? seed.lotId,
    locationId: anchor?.locationId ?? prev?.locationId ?? seed.locationId,
    openedAt: open ? open.deviceTime : null,
    capacityMilli: capacity,
    usedMilli,
    remainingMilli: capacity === null ? null : capacity - usedMilli,
  });
}

/**
 * Applies one event to `state` IN PLACE and returns it (a fold accumulator for materialization:
 * feed it events as they are written or synced). Folding events one by one gives exactly what
 * reduceLedger gives for the same events in any order.
 */
export function applyEvent(state: LedgerState, e: LedgerEvent): LedgerState {
  const seen = state.events.get(e.id);
  if (seen) {
    if (!sameEvent(seen, e)) addConflict(state, e.id);
    return state;
  }
  state.events.set(e.id, e);
  if (e.correctsId !== null) {
    // Sorted, so the state does not depend on arrival order.
    state.correctedBy.set(e.correctsId, [...(state.correctedBy.get(e.correctsId) ?? []), e.id].sort());
  }
  applyToBalance(state, e);
  // A late open, or the correction of an open, also lands here: both carry the container's id.
  if (e.containerId !== null) refreshContainer(state, e.containerId, -e.quantityMilli, e);
  return state;
}

/** Folds a whole ledger into balances and containers. See the module comment for a worked example. */
export function reduceLedger(events: Iterable<LedgerEvent>): LedgerState {
  const state = emptyLedgerState();
  for (const e of events) applyEvent(state, e);
  return state;
}
