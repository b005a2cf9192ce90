/**
 * The treatment bench page (built by bench/browser/vite.config.ts). Runs the app's real database
 * code in the browser and exposes `window.treatBench` for bench/metrics/treat.ts to drive through
 * page.evaluate. Timings are taken here, with performance.now(), so no CDP round-trip is counted.
 * The page is served cross-origin isolated, which gives performance.now() 5 µs resolution
 * instead of 100 µs.
 */
import Dexie from 'dexie';
import { openDatabase } from '../../src/db/database';
import type { ChairsideDatabase } from '../../src/db/collections';
import { loadDemoClinic } from '../../src/db/demo';
import { upsertCatalog } from '../../src/db/repositories/catalog';
import { diffAgainstReducer, recordEvents, rebuildBalances } from '../../src/db/repositories/balances';
import { toEventDoc } from '../../src/db/repositories/events';
import { lookupFefo } from '../../src/db/repositories/fefo';
import { saveVisit } from '../../src/db/repositories/visits';
import { DEMO_IDS, buildDemoClinic } from '../../src/domain/demo/clinic';
import type { Candidate } from '../../src/domain/fefo/rank';
import type { LedgerEvent, Product, Visit } from '../../src/domain/model';
import { buildDrawEvents } from '../../src/domain/treatment/draw';
import { SEED_PRODUCTS, buildSeed, seedLocation } from './seed-data';

const TODAY = '2026-11-23';
const NOW_MS = Date.parse('2026-11-23T15:00:00.000Z');
/** A small draw, so hundreds of them fit in one 100 U vial and every draw is one event. */
const BENCH_DRAW_MILLI = 250;
const FEFO_DB = 'bench-fefo';

let idCounter = 0;
const newId = (): string => `bench-${Date.now().toString(36)}-${(idCounter++).toString(36)}`;

function benchVisit(locationId: string): Visit {
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

function drawFrom(product: Product, visit: Visit, candidate: Candidate): LedgerEvent[] {
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

const lookup = (db: ChairsideDatabase, product: Product, locationId: string) =>
  lookupFefo(db, { product, locationId, nowMs: NOW_MS, utcOffsetMinutes: 0 });

async function suggestionOf(db: ChairsideDatabase, product: Product, locationId: string): Promise<Candidate> {
  const { suggestion } = await lookup(db, product, locationId);
  if (!suggestion) throw new Error(`no FEFO suggestion for ${product.name}`);
  return suggestion;
}

/**
 * `samples` draws of one event each from an opened Botox vial of the demo clinic: the time of
 * recordEvents (insert + balance + container update) and, right after, of a raw Dexie put of the
 * same event object into a plain table (primary key only) in the same page.
 */
async function recordDrawSamples(samples: number, warmup: number) {
  const db = await openDatabase({ name: 'bench-draw' });
  const raw = new Dexie('bench-draw-raw');
  raw.version(1).stores({ events: 'id' });
  await raw.open();
  try {
    await loadDemoClinic(db, { today: TODAY, hashPin: async (pin) => `bench$${pin}` });
    const botox = buildDemoClinic(TODAY).products[0]!;
    const visit = benchVisit(DEMO_IDS.mainLocation);
    await saveVisit(db, visit);
    // The first draw opens the vial (two events); every later draw is from that open container.
    await recordEvents(db, drawFrom(botox, visit, await suggestionOf(db, botox, DEMO_IDS.mainLocation)));
    const vial = await suggestionOf(db, botox, DEMO_IDS.mainLocation);
    if (vial.kind !== 'container') throw new Error('expected the opened vial to be suggested');
    const recordMs: number[] = [];
    const putMs: number[] = [];
    for (let i = 0; i < warmup + samples; i++) {
      const events = drawFrom(botox, visit, vial);
      const t0 = performance.now();
      await recordEvents(db, events);
      const t1 = performance.now();
      await raw.table('events').put(events[0]);
      const t2 = performance.now();
      if (i >= warmup) {
        recordMs.push(t1 - t0);
        putMs.push(t2 - t1);
      }
    }
    return { recordMs, putMs, eventsPerDraw: 1, diffs: await diffAgainstReducer(db) };
  } finally {
    raw.close();
    await db.close();
  }
}

/**
 * Loads the 100,000-event history of seed-data.ts. 'record': recordEvents in batches (the app's
 * write path). 'bulk': bulkInsert the events, then rebuildBalances once.
 */
async function seedFefo(strategy: 'record' | 'bulk', batchSize: number, limit?: number) {
  const seed = buildSeed(TODAY);
  const events = limit === undefined ? seed.events : seed.events.slice(0, limit);
  const db = await openDatabase({ name: FEFO_DB });
  try {
    const t0 = performance.now();
    await upsertCatalog(db, { locations: buildDemoClinic(TODAY).locations, staff: [], products: seed.products, lots: seed.lots });
    for (let i = 0; i < events.length; i += batchSize) {
      const batch = events.slice(i, i + batchSize);
      if (strategy === 'record') await recordEvents(db, batch);
      else await db.events.bulkInsert(batch.map(toEventDoc));
    }
    if (strategy === 'bulk') await rebuildBalances(db);
    return { seedMs: performance.now() - t0, events: events.length, lots: seed.lots.length, strategy };
  } finally {
    await db.close();
  }
}

async function fefoCounts() {
  const db = await openDatabase({ name: FEFO_DB });
  try {
    const t0 = performance.now();
    const diffs = await diffAgainstReducer(db);
    const checkMs = performance.now() - t0;
    const [events, balances, containers, lots] = await Promise.all([
      db.events.count().exec(),
      db.balances.count().exec(),
      db.containers.count().exec(),
      db.lots.count().exec(),
    ]);
    return { events, balances, containers, lots, diffs, checkMs };
  } finally {
    await db.close();
  }
}

/**
 * Cold lookups: each sample reopens the database (so RxDB's query and document caches are empty),
 * touches the three collections the lookup reads (so IndexedDB connections are open), then times
 * one lookupFefo, rotating over the seed's products and both locations.
 */
async function fefoColdSamples(samples: number) {
  const { products } = buildSeed(TODAY);
  const out: number[] = [];
  const candidates: number[] = [];
  for (let i = 0; i < samples; i++) {
    const db = await openDatabase({ name: FEFO_DB });
    try {
      await Promise.all([db.lots.findOne('none').exec(), db.balances.findOne('none').exec(), db.containers.findOne('none').exec()]);
      const product = products[i % SEED_PRODUCTS]!;
      const t0 = performance.now();
      const ranking = await lookup(db, product, seedLocation(i % (2 * SEED_PRODUCTS)));
      out.push(performance.now() - t0);
      candidates.push(ranking.candidates.length);
    } finally {
      await db.close();
    }
  }
  return { ms: out, candidates };
}

/** Warm lookups of one product at one location, with a draw recorded (untimed) between them. */
async function fefoWarmSamples(samples: number) {
  const { products } = buildSeed(TODAY);
  const product = products[0]!;
  const location = seedLocation(0);
  const db = await openDatabase({ name: FEFO_DB });
  try {
    const visit = benchVisit(location);
    const ms: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      const { suggestion } = await lookup(db, product, location);
      ms.push(performance.now() - t0);
      if (!suggestion) throw new Error('no suggestion in the seeded data');
      await recordEvents(db, drawFrom(product, visit, suggestion));
    }
    return { ms };
  } finally {
    await db.close();
  }
}

const api = { recordDrawSamples, seedFefo, fefoCounts, fefoColdSamples, fefoWarmSamples };
export type TreatBench = typeof api;
(window as unknown as { treatBench: TreatBench }).treatBench = api;
document.documentElement.dataset.ready = 'true';
async function probeCold() {
  const { products } = buildSeed(TODAY);
  const db = await openDatabase({ name: FEFO_DB });
  const t: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => { const n = performance.now(); t[name] = n - t0; t0 = n; };
  await Promise.all([db.lots.findOne('none').exec(), db.balances.findOne('none').exec(), db.containers.findOne('none').exec()]);
  lap('warm findOne');
  await db.lots.find({ selector: { productId: products[1]!.id } }).exec();
  lap('lots query other product');
  await db.lots.find({ selector: { productId: products[0]!.id } }).exec();
  lap('lots query');
  await db.lots.find({ selector: { productId: products[0]!.id } }).exec();
  lap('lots query again');
  await db.balances.findByIds(['a|b', 'c|d']).exec();
  lap('balances findByIds');
  await db.containers.find({ selector: { locationId: DEMO_IDS.mainLocation, lotId: { $in: ['x'] } } }).exec();
  lap('containers query');
  await lookup(db, products[2]!, DEMO_IDS.mainLocation);
  lap('lookup p2');
  await lookup(db, products[3]!, DEMO_IDS.mainLocation);
  lap('lookup p3');
  await db.close();
  return t;
}
(window as unknown as { treatBench: object }).treatBench = { ...api, probeCold };
