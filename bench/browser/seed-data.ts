/**
 * A year of ledger history for the FEFO bench: SEED_LOTS lots over SEED_PRODUCTS products and the
 * two demo locations, SEED_EVENTS_PER_LOT events each (100,000 events for 2,000 lots).
 *
 * Every lot lives at one location and has this history (50 events, Botox-like 100 U vials):
 *   receive 10 vials (+1,000 U)
 *   8 × [open a vial, draw 20 U five times]   (48 events: 8 emptied containers)
 *   open one more vial                        (1 event: a full open container)
 * → 200 U on hand, 9 containers of which one still holds 100 U. Lot k belongs to product
 * k mod 20 and location ⌊k / 20⌋ mod 2, so one product has 100 lots, 50 of them at one location,
 * each with 9 container documents: a FEFO lookup reads 100 lots, 50 balances, 450 containers.
 * Every 50th lot is recalled (a blocker to rank). Ids are deterministic.
 */
import { addDays } from '../../src/domain/dates';
import { DEMO_IDS, buildDemoClinic } from '../../src/domain/demo/clinic';
import type { LedgerEvent, Lot, Product } from '../../src/domain/model';

export const SEED_LOTS = 2_000;
export const SEED_PRODUCTS = 20;
export const SEED_EVENTS_PER_LOT = 50;
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

export function buildSeed(today: string): SeedData {
  const botox = buildDemoClinic(today).products[0];
  if (!botox) throw new Error('the demo clinic has no products');
  const products: Product[] = Array.from({ length: SEED_PRODUCTS }, (_, p) => ({
    ...botox,
    id: hexId(1, p),
    name: `Bench toxin ${p}`,
    gtins: [],
  }));
  const lots: Lot[] = [];
  const events: LedgerEvent[] = [];
  let eventNo = 0;
  for (let k = 0; k < SEED_LOTS; k++) {
    const lot: Lot = {
      id: hexId(2, k),
      orgId: DEMO_IDS.organization,
      productId: hexId(1, k % SEED_PRODUCTS),
      lotNumber: `B${String(k).padStart(6, '0')}`,
      expiry: addDays(today, 30 + ((k * 37) % 700)),
      unitCostMicros: 6_500_000,
      status: k % 50 === 49 ? 'recalled' : 'available',
    };
    lots.push(lot);
    const day = addDays(today, -365 + (k % 300));
    const event = (type: LedgerEvent['type'], quantityMilli: number, containerId: string | null, payload: LedgerEvent['payload'] = {}): LedgerEvent => {
      const id = hexId(3, eventNo);
      const minute = eventNo % 1440;
      eventNo += 1;
      return {
        id,
        orgId: DEMO_IDS.organization,
        type,
        lotId: lot.id,
        locationId: seedLocation(k),
        quantityMilli,
        actorId: hexId(4, 1),
        deviceId: 'bench-seed',
        deviceTime: `${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`,
        visitId: type === 'draw' ? hexId(5, eventNo) : null,
        containerId: containerId === 'self' ? id : containerId,
        correctsId: null,
        payload,
      };
    };
    events.push(event('receive', 10 * VIAL_MILLI, null, { supplier: 'bench', purchaseOrder: 'PO-B' }));
    for (let vial = 0; vial < 9; vial++) {
      const open = event('open', 0, 'self', { capacityMilli: VIAL_MILLI });
      events.push(open);
      if (vial === 8) break;
      for (let d = 0; d < 5; d++) events.push(event('draw', -DRAW_MILLI, open.id));
    }
  }
  return { products, lots, events };
}
