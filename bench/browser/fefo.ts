/**
 * treat.fefo_lookup_ms in the browser: lookupFefo over a database holding the 100,000-event,
 * 2,000-lot history of seed-data.ts. Seeding is timed and reported, never part of the metric.
 */
import { openDatabase } from '../../src/db/database';
import type { ChairsideDatabase } from '../../src/db/collections';
import { upsertCatalog } from '../../src/db/repositories/catalog';
import {
  currentBalances,
  diffAgainstReducer,
  flushBalances,
  liveBalances,
  recordEvents,
} from '../../src/db/repositories/balances';
import { toEventDoc } from '../../src/db/repositories/events';
import { buildDemoClinic } from '../../src/domain/demo/clinic';
import type { LedgerEvent } from '../../src/domain/model';
import { materializedDocs } from './seed-docs';
import { SEED_EVENTS_PER_LOT, SEED_PRODUCTS, buildSeed, seedLocation } from './seed-data';
import { benchVisit, drawFrom, lookup, TODAY } from './shared';

const FEFO_DB = 'bench-fefo';
const CHECK_DB = 'bench-fefo-check';

const open = (name: string) => openDatabase({ name });

async function withDb<T>(name: string, run: (db: ChairsideDatabase) => Promise<T>): Promise<T> {
  const db = await open(name);
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}

async function insertEvents(db: ChairsideDatabase, events: LedgerEvent[], batchSize: number): Promise<void> {
  for (let i = 0; i < events.length; i += batchSize) {
    const { error } = await db.events.bulkInsert(events.slice(i, i + batchSize).map(toEventDoc));
    if (error.length > 0) throw new Error(`seeding: ${error.length} events were rejected`);
  }
}

export interface SeedReport {
  events: number;
  lots: number;
  balances: number;
  containers: number;
  /** Events bulk-inserted + materialized documents written. */
  seedMs: number;
  /** diffAgainstReducer over the whole seeded database (must be empty) and its time. */
  diffs: string[];
  checkMs: number;
}

/**
 * Seeds the big database: catalog, events by bulkInsert, then the balances folded and stored by
 * the app's own first-open path, and checks them with diffAgainstReducer.
 */
export async function seedFefo(batchSize: number): Promise<SeedReport> {
  const seed = buildSeed(TODAY);
  return withDb(FEFO_DB, async (db) => {
    const t0 = performance.now();
    await upsertCatalog(db, {
      locations: buildDemoClinic(TODAY).locations,
      staff: [],
      products: seed.products,
      lots: seed.lots,
    });
    await insertEvents(db, seed.events, batchSize);
    // The app's own path: with no snapshot yet, opening the balances folds the whole ledger in
    // pages, and the snapshot writer stores it (SPEC [L11]).
    await flushBalances(db);
    const balances = await currentBalances(db);
    const containers = balances.reduce((n, b) => n + b.containers.length, 0);
    const seedMs = performance.now() - t0;
    const t1 = performance.now();
    const diffs = await diffAgainstReducer(db);
    return {
      events: seed.events.length,
      lots: seed.lots.length,
      balances: balances.length,
      containers,
      seedMs,
      diffs,
      checkMs: performance.now() - t1,
    };
  });
}

const sortedJson = (docs: object[]): string[] =>
  docs.map((d) => JSON.stringify(d, Object.keys(d).sort())).sort();

/**
 * Guards the shortcut: records the first `lots` lots' history through recordEvents (the app's
 * write path) into another database and returns the documents that differ from seed-docs.ts.
 */
export async function checkSeedShortcut(
  lots: number,
): Promise<{ mismatches: string[]; events: number; recordMs: number }> {
  const seed = buildSeed(TODAY);
  const events = seed.events.slice(0, lots * SEED_EVENTS_PER_LOT);
  return withDb(CHECK_DB, async (db) => {
    const t0 = performance.now();
    await upsertCatalog(db, { locations: [], staff: [], products: seed.products, lots: seed.lots });
    await recordEvents(db, events);
    const recordMs = performance.now() - t0;
    const expected = materializedDocs(events, seed.lots);
    const actualBalances = await currentBalances(db);
    const want = new Set(sortedJson(expected.balances));
    const got = sortedJson(actualBalances);
    const mismatches = [
      ...got.filter((d) => !want.has(d)),
      ...(got.length === want.size ? [] : [`count ${got.length} vs ${want.size}`]),
    ];
    return { mismatches, events: events.length, recordMs };
  });
}

/**
 * Cold lookups: each sample opens the database anew (RxDB's query and document caches empty),
 * waits for the live balances to load (as they do at boot; that load is treat.open_tail_1k_ms)
 * and the lots collection's connection, then times one lookupFefo. Sample i looks up product
 * i mod 20 at location ⌊i / 20⌋ mod 2.
 */
export async function fefoColdSamples(samples: number): Promise<{ ms: number[]; candidates: number[] }> {
  const { products } = buildSeed(TODAY);
  const ms: number[] = [];
  const candidates: number[] = [];
  for (let i = 0; i < samples; i++) {
    await withDb(FEFO_DB, async (db) => {
      await Promise.all([db.lots.findOne('none').exec(), liveBalances(db).ready]);
      const product = products[i % SEED_PRODUCTS];
      if (!product) throw new Error('no product');
      const t0 = performance.now();
      const ranking = await lookup(db, product, seedLocation(i));
      ms.push(performance.now() - t0);
      candidates.push(ranking.candidates.length);
    });
  }
  return { ms, candidates };
}

/**
 * Steady-state lookups of one product at one location in one open database, with a draw from
 * the suggestion recorded (untimed) after each, as at the chair: look up, draw, next patient.
 */
export async function fefoWarmSamples(samples: number): Promise<{ ms: number[] }> {
  const product = buildSeed(TODAY).products[0];
  if (!product) throw new Error('no product');
  const location = seedLocation(SEED_PRODUCTS);
  return withDb(FEFO_DB, async (db) => {
    const visit = benchVisit(location);
    const ms: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      const { suggestion } = await lookup(db, product, location);
      ms.push(performance.now() - t0);
      if (!suggestion) throw new Error('the seeded product has no suggestion');
      await recordEvents(db, drawFrom(product, visit, suggestion));
    }
    return { ms };
  });
}

/**
 * treat.open_tail_1k_ms: the big database with 1,000 events stored after its snapshot (draws
 * whose balance write never happened: the tab was closed first). Each sample opens the database
 * and times until the live balances are loaded: the snapshot plus those 1,000 events.
 */
export async function openTailSamples(
  samples: number,
  tail: number,
): Promise<{
  ms: number[];
  tailEvents: number[];
  openDbMs: number[];
  snapshotMs: number[];
  tailMs: number[];
}> {
  const template = buildSeed(TODAY).events[0];
  if (!template) throw new Error('no seed events');
  await withDb(FEFO_DB, async (db) => {
    await flushBalances(db);
    // One small receipt per call, as the chair records them one at a time.
    for (let i = 0; i < tail; i++) {
      const id = `tail-${String(i).padStart(4, '0')}-${crypto.randomUUID()}`;
      await recordEvents(db, [
        {
          ...template,
          id,
          type: 'receive',
          quantityMilli: 1000,
          correctsId: null,
          containerId: null,
          visitId: null,
          payload: {},
        },
      ]);
    }
  });
  const ms: number[] = [];
  const tailEvents: number[] = [];
  const openDbMs: number[] = [];
  const snapshotMs: number[] = [];
  const tailMs: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    const db = await open(FEFO_DB);
    openDbMs.push(performance.now() - t0);
    try {
      const live = liveBalances(db);
      await live.ready;
      ms.push(performance.now() - t0);
      tailEvents.push(live.lastLoad.tailEvents);
      snapshotMs.push(live.lastLoad.snapshotMs);
      tailMs.push(live.lastLoad.tailMs);
    } finally {
      await db.close();
    }
  }
  return { ms, tailEvents, openDbMs, snapshotMs, tailMs };
}
