/**
 * treat.record_draw_ms in the browser: one draw = recordEvents(db, buildDrawEvents(...)) from an
 * opened Botox vial of the demo clinic, timed until the event is stored and the live balance shows
 * it (SPEC [L11]: the snapshot write follows behind, off the draw). Its baseline is a raw Dexie put
 * of the same event object into a plain table (primary key only). The snapshot write of the same
 * draws is timed separately (one coalesced flush) and reported, never part of the metric.
 */
import Dexie from 'dexie';
import { openDatabase } from '../../src/db/database';
import { loadDemoClinic } from '../../src/db/demo';
import { diffAgainstReducer, flushBalances, recordEvents } from '../../src/db/repositories/balances';
import { saveVisit } from '../../src/db/repositories/visits';
import { DEMO_IDS, buildDemoClinic } from '../../src/domain/demo/clinic';
import { benchVisit, drawFrom, suggestionOf, TODAY } from './shared';

export interface DrawSamples {
  recordMs: number[];
  putMs: number[];
  /** The one coalesced snapshot write that stores all of the draws' balances afterwards. */
  flushMs: number;
  /** diffAgainstReducer after all draws: must be empty. */
  diffs: string[];
}

export async function recordDrawSamples(samples: number, warmup: number): Promise<DrawSamples> {
  const db = await openDatabase({ name: 'bench-draw' });
  const raw = new Dexie('bench-draw-raw');
  raw.version(1).stores({ events: 'id' });
  await raw.open();
  try {
    await loadDemoClinic(db, { today: TODAY, hashPin: async (pin) => `bench$${pin}` });
    const botox = buildDemoClinic(TODAY).products[0];
    if (!botox) throw new Error('the demo clinic has no products');
    const visit = benchVisit(DEMO_IDS.mainLocation);
    await saveVisit(db, visit);
    // The first draw opens the vial (two events); every later draw is from that open container.
    await recordEvents(db, drawFrom(botox, visit, await suggestionOf(db, botox, DEMO_IDS.mainLocation)));
    const vial = await suggestionOf(db, botox, DEMO_IDS.mainLocation);
    if (vial.kind !== 'container') throw new Error('expected the opened vial to be suggested');
    const out: DrawSamples = { recordMs: [], putMs: [], flushMs: 0, diffs: [] };
    for (let i = 0; i < warmup + samples; i++) {
      const events = drawFrom(botox, visit, vial);
      const t0 = performance.now();
      // Exactly the Treat screen's call (VisitPanel). queued for sync.
      await recordEvents(db, events);
      const t1 = performance.now();
      await raw.table('events').put(events[0]);
      const t2 = performance.now();
      if (i < warmup) continue;
      out.recordMs.push(t1 - t0);
      out.putMs.push(t2 - t1);
    }
    const t0 = performance.now();
    await flushBalances(db);
    out.flushMs = performance.now() - t0;
    out.diffs = await diffAgainstReducer(db);
    return out;
  } finally {
    raw.close();
    await db.close();
  }
}
