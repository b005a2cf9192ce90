/**
 * Opened containers past their beyond-use time can't be drawn from (not even with an override);
 * what is left in them is offered as waste. SPEC.md [F4].
 */
import type { LedgerEvent, Lot, Product } from '../model';
import type { ContainerState } from '../ledger/reducer';
import { beyondUseAtMs } from './blockers';

export interface Leftover {
  containerId: string;
  lotId: string;
  locationId: string;
  remainingMilli: number;
  beyondUseAtMs: number;
}

export interface LeftoverInput {
  product: Product;
  /** Lots of any product; used to pick this product's containers. */
  lots: readonly Lot[];
  containers: readonly ContainerState[];
  nowMs: number;
  /** Only this location's containers, when given. */
  locationId?: string;
}

/**
 * Containers of `product` opened more than beyondUseHours ago with something left in them, oldest
 * first. Example: Botox (24 h) vial opened 2025-03-01T09:00Z with 30 U left, now 03-02T09:00:00.001Z
 * → [{ containerId, remainingMilli: 30_000, … }]. Products with no limit never have leftovers.
 */
export function beyondUseLeftovers(input: LeftoverInput): Leftover[] {
  const lotIds = new Set(input.lots.filter((l) => l.productId === input.product.id).map((l) => l.id));
  const out: Leftover[] = [];
  for (const c of input.containers) {
    if (!lotIds.has(c.lotId) || c.openedAt === null || c.remainingMilli === null || c.remainingMilli <= 0)
      continue;
    if (input.locationId !== undefined && c.locationId !== input.locationId) continue;
    const bud = beyondUseAtMs(input.product, c.openedAt);
    if (bud === null || input.nowMs <= bud) continue;
    const { containerId, lotId, locationId, remainingMilli } = c;
    out.push({ containerId, lotId, locationId, remainingMilli, beyondUseAtMs: bud });
  }
  return out.sort((a, b) => a.beyondUseAtMs - b.beyondUseAtMs || (a.containerId < b.containerId ? -1 : 1));
}

export interface LeftoverWasteFields {
  id: string;
  orgId: string;
  actorId: string;
  deviceId: string;
  deviceTime: string;
}

/** The `waste` event that empties a leftover: -remaining, its container, reason beyond_use_leftover. */
export function leftoverWasteEvent(leftover: Leftover, fields: LeftoverWasteFields): LedgerEvent {
  return {
    ...fields,
    type: 'waste',
    lotId: leftover.lotId,
    locationId: leftover.locationId,
    quantityMilli: 0 - leftover.remainingMilli,
    visitId: null,
    containerId: leftover.containerId,
    correctsId: null,
    payload: { reason: 'beyond_use_leftover' },
  };
}
