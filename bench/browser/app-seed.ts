/**
 * Fills the app's own database (the default name, same origin as the app) for
 * app.cold_start_offline_100k_ms and stock.render_2k_lots_ms: the demo clinic, and optionally the
 * 100,000-event, 2,000-lot history of seed-data.ts with its snapshot stored by the app's own path
 * (SPEC [L11]). `signInPins` stores real PIN hashes (cheap ones: 1,000 PBKDF2 iterations) so a
 * bench can sign in through the PIN pad; otherwise the hashes are placeholders nobody can match.
 */
import { hashPin } from '../../src/auth/pin';
import { openDatabase } from '../../src/db/database';
import { loadDemoClinic } from '../../src/db/demo';
import { currentBalances, flushBalances } from '../../src/db/repositories/balances';
import { upsertCatalog } from '../../src/db/repositories/catalog';
import { toEventDoc } from '../../src/db/repositories/events';
import { buildSeed } from './seed-data';
import { TODAY } from './shared';

const BATCH = 5_000;

const BENCH_PIN_ITERATIONS = 1_000;

export async function seedAppDatabase(
  withHistory: boolean,
  signInPins = false,
): Promise<{ events: number; balances: number; ms: number }> {
  const t0 = performance.now();
  const db = await openDatabase();
  try {
    await loadDemoClinic(db, {
      today: TODAY,
      hashPin: signInPins
        ? (pin) => hashPin(pin, { iterations: BENCH_PIN_ITERATIONS })
        : async (pin) => `bench$${pin}`,
    });
    let events = 0;
    if (withHistory) {
      const seed = buildSeed(TODAY);
      await upsertCatalog(db, { locations: [], staff: [], products: seed.products, lots: seed.lots });
      for (let i = 0; i < seed.events.length; i += BATCH) {
        const { error } = await db.events.bulkInsert(seed.events.slice(i, i + BATCH).map(toEventDoc));
        if (error.length > 0) throw new Error(`seeding: ${error.length} events were rejected`);
      }
      events = seed.events.length;
    }
    await flushBalances(db);
    return { events, balances: (await currentBalances(db)).length, ms: performance.now() - t0 };
  } finally {
    await db.close();
  }
}
