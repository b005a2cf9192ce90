/** What the bench page's scenarios share: a fixed clock and small draws from a FEFO suggestion. */
import type { ChairsideDatabase } from '../../src/db/collections';
import { lookupFefo } from '../../src/db/repositories/fefo';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import type { Candidate, FefoRanking } from '../../src/domain/fefo/rank';
import type { LedgerEvent, Product, Visit } from '../../src/domain/model';
import { buildDrawEvents } from '../../src/domain/treatment/draw';

/** Fixed "today" so the demo and seed expiries, and so the rankings, are the same every run. */
export const TODAY = '2026-11-23';
export const NOW_MS = Date.parse('2026-11-23T15:00:00.000Z');
/** 0.25 U: hundreds of draws fit in one 100 U vial, so every measured draw is a single event. */
const BENCH_DRAW_MILLI = 250;

let counter = 0;
const newId = (): string => `bench-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function benchVisit(locationId: string): Visit {
  return {
    id: newId(),
    orgId: DEMO_IDS.organization,
    locationId,
    patientChartRef: 'BENCH-1',
    providerId: 'bench-injector',
    treatmentAreas: ['Glabella'],
    priceChargedCents: null,
    startedAt: new Date(NOW_MS).toISOString(),
    deviceId: 'bench-tablet',
  };
}

export function drawFrom(product: Product, visit: Visit, candidate: Candidate): LedgerEvent[] {
  return buildDrawEvents({
    product,
    visit,
    candidate,
    quantityMilli: BENCH_DRAW_MILLI,
    actorId: 'bench-injector',
    deviceId: 'bench-tablet',
    deviceTime: new Date(NOW_MS).toISOString(),
    newId,
    deviationReason: null,
    override: null,
  });
}

export function lookup(db: ChairsideDatabase, product: Product, locationId: string): Promise<FefoRanking> {
  return lookupFefo(db, { product, locationId, nowMs: NOW_MS, utcOffsetMinutes: 0 });
}

export async function suggestionOf(
  db: ChairsideDatabase,
  product: Product,
  locationId: string,
): Promise<Candidate> {
  const { suggestion } = await lookup(db, product, locationId);
  if (!suggestion) throw new Error(`no FEFO suggestion for ${product.name}`);
  return suggestion;
}
