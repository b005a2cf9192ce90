/**
 * FEFO (first expired, first out): which vial or lot to draw from. SPEC.md [F1]-[F4].
 *
 * Order, best first:
 *   1. usable, then blocked but overridable by a manager, then unusable (beyond use, empty) —
 *      blocked ones stay listed, greyed, with their reasons;
 *   2. opened containers before unopened lots — an open vial left unused is thrown away;
 *   3. soonest use-by: a lot's is the end of its expiry day ([D1]); a container's is the earlier of
 *      that and openedAt + beyondUseHours;
 *   4. containers: oldest opened; lots: oldest first receipt (unknown receipt last);
 *   5. lot number, then id — so equal inputs always rank the same way.
 *
 * Worked example (Botox, beyondUseHours 24, device at UTC-5, now = 2025-03-10T15:00Z = 10:00 local):
 *   lot A "C8123" exp 2025-03-30, 100 U here, of which vial vA (opened 03-10T13:00Z) holds 60 U
 *   lot B "C8377" exp 2025-11-05, 300 U here
 *   lot X "283947" exp 2025-03-07 (expired), 100 U here
 *   lot R "19218" exp 2026-01-01, recalled, 50 U here
 *   Step 1 — candidates: container vA (60 U); lot A (100 − 60 = 40 U unopened); lot B (300 U);
 *           lot X (blocked: expired); lot R (blocked: recalled).
 *   Step 2 — usable: vA, A, B. vA is a container → first. A (use-by 03-30 end of day) before B.
 *   Step 3 — blocked: X (use-by 03-07) before R (2026-01-01); both overridable by a manager.
 *   Result: [vA, A, B, X, R], suggestion vA. At 2025-03-11T13:00:00.001Z vA is beyond use: it
 *   drops to the end (not overridable) → [A, B, X, R, vA], and lot A becomes the suggestion.
 */
import type { Lot, Product } from '../model';
import { lookup } from '../ledger/keyed';
import type { Keyed } from '../ledger/keyed';
import type { ContainerState } from '../ledger/reducer';
import { beyondUseAtMs, expiryEndMs, isOverridable, lotBlockers } from './blockers';
import type { Blocker } from './blockers';

export interface FefoInput {
  product: Product;
  locationId: string;
  /** Lots of any product; those of other products are ignored. */
  lots: readonly Lot[];
  /** onHandMilli per lot id at this location (LedgerState.lots filtered by location); missing = 0. */
  lotBalances: Keyed<number>;
  /** First receipt time (ISO) per lot id, for the receipt tie-break; missing sorts last. */
  firstReceivedAt: Keyed<string>;
  /** Containers; only opened ones at this location of this product's lots are considered. */
  containers: readonly ContainerState[];
  nowMs: number;
  /** Device offset, minutes east of UTC (see dates.ts). */
  utcOffsetMinutes: number;
}

export interface Candidate {
  kind: 'container' | 'lot';
  lotId: string;
  containerId: string | null;
  lotNumber: string;
  expiry: string;
  /** Container: what is left in it. Lot: on hand minus what sits in its open containers. */
  availableMilli: number;
  blockers: Blocker[];
  /** Has blockers, and a manager may override every one of them. */
  overridable: boolean;
  openedAt: string | null;
  /** Last usable millisecond (see the ranking), the primary sort key. */
  useByMs: number;
}

export interface FefoRanking {
  candidates: Candidate[];
  /** The first candidate with no blockers, or null when nothing is usable. */
  suggestion: Candidate | null;
}

function candidate(base: Omit<Candidate, 'overridable'>): Candidate {
  return { ...base, overridable: isOverridable(base.blockers) };
}

function containerCandidates(input: FefoInput, lotsById: Map<string, Lot>): Candidate[] {
  const { product, nowMs, utcOffsetMinutes } = input;
  const out: Candidate[] = [];
  for (const c of input.containers) {
    const lot = lotsById.get(c.lotId);
    if (!lot || c.locationId !== input.locationId || c.openedAt === null || c.remainingMilli === null)
      continue;
    const budMs = beyondUseAtMs(product, c.openedAt);
    const availableMilli = Math.max(0, c.remainingMilli);
    const blockers = lotBlockers(lot, nowMs, utcOffsetMinutes);
    if (budMs !== null && nowMs > budMs) blockers.push('beyond_use');
    if (availableMilli === 0) blockers.push('empty');
    const useByMs = Math.min(expiryEndMs(lot.expiry, utcOffsetMinutes), budMs ?? Number.POSITIVE_INFINITY);
    const { id: lotId, lotNumber, expiry } = lot;
    out.push(
      candidate({
        kind: 'container',
        lotId,
        containerId: c.containerId,
        lotNumber,
        expiry,
        availableMilli,
        blockers,
        openedAt: c.openedAt,
        useByMs,
      }),
    );
  }
  return out;
}

function lotCandidates(input: FefoInput, lotsById: Map<string, Lot>, containers: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const lot of lotsById.values()) {
    const onHand = lookup(input.lotBalances, lot.id) ?? 0;
    if (onHand <= 0) continue; // not physically here: nothing to show
    const inOpen = containers.filter((c) => c.lotId === lot.id).reduce((s, c) => s + c.availableMilli, 0);
    const availableMilli = Math.max(0, onHand - inOpen);
    const blockers = lotBlockers(lot, input.nowMs, input.utcOffsetMinutes);
    if (availableMilli === 0) blockers.push('empty');
    const useByMs = expiryEndMs(lot.expiry, input.utcOffsetMinutes);
    const { id: lotId, lotNumber, expiry } = lot;
    out.push(
      candidate({
        kind: 'lot',
        lotId,
        containerId: null,
        lotNumber,
        expiry,
        availableMilli,
        blockers,
        openedAt: null,
        useByMs,
      }),
    );
  }
  return out;
}

const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Timestamps compare as instants (offsets differ between devices); unknown sorts last. */
function instant(iso: string | null | undefined): number {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/** 0 usable, 1 a manager may override, 2 cannot be used at all (beyond use, empty). */
function group(c: Candidate): number {
  return c.blockers.length === 0 ? 0 : c.overridable ? 1 : 2;
}

function byFefo(received: Keyed<string>): (a: Candidate, b: Candidate) => number {
  const since = (c: Candidate) => instant(c.kind === 'container' ? c.openedAt : lookup(received, c.lotId));
  return (a, b) =>
    cmp(group(a), group(b)) ||
    cmp(a.kind === 'container' ? 0 : 1, b.kind === 'container' ? 0 : 1) ||
    cmp(a.useByMs, b.useByMs) ||
    cmp(since(a), since(b)) ||
    cmp(a.lotNumber, b.lotNumber) ||
    cmp(a.containerId ?? a.lotId, b.containerId ?? b.lotId);
}

/** Ranks what can be drawn for `product` at `locationId`; see the module comment for the order. */
export function rankFefo(input: FefoInput): FefoRanking {
  const lotsById = new Map(input.lots.filter((l) => l.productId === input.product.id).map((l) => [l.id, l]));
  const containers = containerCandidates(input, lotsById);
  const candidates = [...containers, ...lotCandidates(input, lotsById, containers)].sort(
    byFefo(input.firstReceivedAt),
  );
  return { candidates, suggestion: candidates.find((c) => c.blockers.length === 0) ?? null };
}
