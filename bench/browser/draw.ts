/**
 * treat.record_draw_ms in the browser: one draw = recordEvents(db, buildDrawEvents(...)) from an
 * opened Botox vial of the demo clinic (one event: insert + lot balance + container update). Its
 * baseline is a raw Dexie put of the same event object into a plain table (primary key only).
 */
import Dexie from 'dexie';
import { openDatabase } from '../../src/db/database';
import { loadDemoClinic } from '../../src/db/demo';
import { diffAgainstReducer, materialize, recordEvents } from '../../src/db/repositories/balances';
import { appendEvents } from '../../src/db/repositories/events';
import { saveVisit } from '../../src/db/repositories/visits';
import { DEMO_IDS, buildDemoClinic } from '../../src/domain/demo/clinic';
import { benchVisit, drawFrom, suggestionOf, TODAY } from './shared';

export interface DrawSamples {
  recordMs: number[];
  putMs: number[];
  /** Split of a separate run of the same draws: appendEvents, then materialize. */
  appendMs: number[];
  materializeMs: number[];
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
    const out: DrawSamples = { recordMs: [], putMs: [], appendMs: [], materializeMs: [], diffs: [] };
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
    for (let i = 0; i < samples; i++) {
      const events = drawFrom(botox, visit, vial);
      const t0 = performance.now();
      const { inserted } = await appendEvents(db, events);
      const t1 = performance.now();
      await materialize(db, inserted);
      out.appendMs.push(t1 - t0);
      out.materializeMs.push(performance.now() - t1);
    }
    out.diffs = await diffAgainstReducer(db);
    return out;
  } finally {
    raw.close();
    await db.close();
  }
}
