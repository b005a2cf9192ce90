/**
 * Years of ledger history for the FEFO bench: SEED_LOTS lots over SEED_PRODUCTS products and the
 * two demo locations, SEED_EVENTS_PER_LOT events each (2,000 lots × 50 = 100,000 events).
 *
 * Lot k belongs to product k mod 20 and location ⌊k / 20⌋ mod 2, so every product has 100 lots,
 * 50 at each location. Older lots are used up; the newest SEED_STOCKED_LOTS still have stock —
 * what a clinic's database looks like after a few years. Each lot's 50 events (100 U vials):
 *   used-up lot:  receive 8 vials, 8 × [open, draw 20 U × 5], count (no change) → 0 U on hand
 *   stocked lot:  receive 9 vials, 8 × [open, draw 20 U × 5], count (no change) → 100 U unopened
 * So a lookup of one product at one location reads 100 lots by index, 100 balance keys, and the
 * containers (8 each, all emptied) of its 2–3 stocked lots. Every 50th lot is recalled (a blocker to rank).
 * Ids are deterministic.
 */
import { addDays } from '../../src/domain/dates';
import { DEMO_IDS, buildDemoClinic } from '../../src/domain/demo/clinic';
import type { LedgerEvent, Lot, Product } from '../../src/domain/model';

export const SEED_LOTS = 2_000;
export const SEED_PRODUCTS = 20;
export const SEED_EVENTS_PER_LOT = 50;
export const SEED_STOCKED_LOTS = 100;
const VIAL_MILLI = 100_000;
const DRAW_MILLI = 20_000;

const hexId = (kind: number, n: number): string =>
  `0190b000-0000-7000-${kind.toString(16).padStart(4, '0')}-${n.toString(16).padStart(12, '0')}`;

export interface SeedData {
  products: Product[];
  lots: Lot[];
  /** Grouped by lot, in recording order within each lot. */
  events: LedgerEvent[];
}

export function seedLocation(lotIndex: number): string {
  return Math.floor(lotIndex / SEED_PRODUCTS) % 2 === 0 ? DEMO_IDS.mainLocation : DEMO_IDS.satelliteLocation;
}

function seedProducts(today: string): Product[] {
  const botox = buildDemoClinic(today).products[0];
  if (!botox) throw new Error('the demo clinic has no products');
  return Array.from({ length: SEED_PRODUCTS }, (_, p) => ({
    ...botox,
    id: hexId(1, p),
    name: `Bench toxin ${p}`,
    gtins: [],
  }));
}

/** Lot k: received ~ (2,000 − k) / 2 days ago; expiry a year after receipt, so old lots expired. */
function seedLot(today: string, k: number): Lot {
  const receivedDaysAgo = Math.ceil((SEED_LOTS - k) / 2);
  return {
    id: hexId(2, k),
    orgId: DEMO_IDS.organization,
    productId: hexId(1, k % SEED_PRODUCTS),
    lotNumber: `B${String(k).padStart(6, '0')}`,
    expiry: addDays(today, 365 - receivedDaysAgo + (k % 7)),
    unitCostMicros: 6_500_000,
    status: k % 50 === 49 ? 'recalled' : 'available',
  };
}

function lotHistory(today: string, k: number, lot: Lot, firstEventNo: number): LedgerEvent[] {
  const stocked = k >= SEED_LOTS - SEED_STOCKED_LOTS;
  const day = addDays(today, -Math.ceil((SEED_LOTS - k) / 2));
  const events: LedgerEvent[] = [];
  const add = (
    type: LedgerEvent['type'],
    quantityMilli: number,
    containerId: string | null,
    payload: LedgerEvent['payload'] = {},
  ): LedgerEvent => {
    const n = firstEventNo + events.length;
    const id = hexId(3, n);
    const minute = events.length * 10;
    const e: LedgerEvent = {
      id,
      orgId: DEMO_IDS.organization,
      type,
      lotId: lot.id,
      locationId: seedLocation(k),
      quantityMilli,
      actorId: hexId(4, 1),
      deviceId: 'bench-seed',
      deviceTime: `${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`,
      visitId: type === 'draw' ? hexId(5, n) : null,
      containerId: containerId === 'self' ? id : containerId,
      correctsId: null,
      payload,
    };
    events.push(e);
    return e;
  };
  add('receive', (stocked ? 9 : 8) * VIAL_MILLI, null, { supplier: 'bench', purchaseOrder: `PO-B${k}` });
  for (let vial = 0; vial < 8; vial++) {
    const open = add('open', 0, 'self', { capacityMilli: VIAL_MILLI });
    for (let d = 0; d < 5; d++) add('draw', -DRAW_MILLI, open.id);
  }
  add('count', 0, null, { countedMilli: stocked ? VIAL_MILLI : 0 });
  if (events.length !== SEED_EVENTS_PER_LOT) throw new Error(`lot ${k} has ${events.length} events`);
  return events;
}

export function buildSeed(today: string): SeedData {
  const lots: Lot[] = [];
  const events: LedgerEvent[] = [];
  for (let k = 0; k < SEED_LOTS; k++) {
    const lot = seedLot(today, k);
    lots.push(lot);
    events.push(...lotHistory(today, k, lot, events.length));
  }
  return { products: seedProducts(today), lots, events };
}
