// treat.record_draw_ms and treat.fefo_lookup_ms (+ treat.fefo_lookup_warm_ms): the app's real
// src/db code in headless Chromium, through the bench page in bench/browser/ (built with Vite into
// .tmp/bench-browser/, served on 127.0.0.1). See bench/README.md for what each number means.
import type { Page } from 'playwright-core';
import { buildBenchPage, openBenchPage, PAGE_DIR, serveStatic } from '../browser/page';
import type { TreatBench } from '../browser/treat-bench';
import { median } from '../lib/report';
import type { BenchContext, MetricInput } from '../lib/types';

const DRAWS = 200;
const RECORD_DRAW_MAX_RATIO = 3;
const FEFO_LOOKUP_BUDGET_MS = 5;
const DRAW_WARMUP = 20;
/** 20 products × 2 locations: every (product, location) pair once. */
const COLD_LOOKUPS = 40;
const WARM_LOOKUPS = 100;
const SEED_BATCH = 5_000;
/** treat.open_tail_1k_ms: open with this many events after the snapshot, ≤ budget. */
const OPEN_TAIL_EVENTS = 1000;
const OPEN_TAIL_SAMPLES = 7;
const OPEN_TAIL_BUDGET_MS = 300;
/** Lots recorded through recordEvents to check the seeding shortcut (50 events each). */
const SHORTCUT_CHECK_LOTS = 20;

const log = (line: string): void => {
  process.stderr.write(`  treat: ${line}\n`);
};
const ms = (n: number): string => `${n.toFixed(2)} ms`;

type Bench = { treatBench: TreatBench };
/** Runs one exposed bench function in the page (all timing happens in the page). */
function call<K extends keyof TreatBench>(page: Page, name: K, ...args: Parameters<TreatBench[K]>) {
  return page.evaluate(
    ([fn, fnArgs]) => {
      const bench = (window as unknown as Bench).treatBench;
      // The tuple type of each function's parameters is checked at the call site above.
      return (bench[fn] as (...a: unknown[]) => unknown)(...fnArgs);
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<TreatBench[K]>>>;
}

async function recordDraw(page: Page): Promise<MetricInput> {
  const r = await call(page, 'recordDrawSamples', DRAWS, DRAW_WARMUP);
  if (r.diffs.length > 0)
    throw new Error(`materialized balances disagree with the reducer: ${r.diffs.join('; ')}`);
  log(
    `record draw: recordEvents ${ms(median(r.recordMs))}; raw Dexie put ${ms(median(r.putMs))}; the snapshot of all ${DRAWS + DRAW_WARMUP} draws written behind them in ${ms(r.flushMs)}`,
  );
  const baseline = median(r.putMs);
  // The budget is a ratio (≤ 3 × the raw put); as an ms bound it is 3 × this run's baseline.
  const budget = Math.round(RECORD_DRAW_MAX_RATIO * baseline * 100) / 100;
  return { name: 'treat.record_draw_ms', value: median(r.recordMs), unit: 'ms', baseline, budget };
}

async function fefoLookup(page: Page): Promise<MetricInput[]> {
  const seed = await call(page, 'seedFefo', SEED_BATCH);
  log(
    `seeded ${seed.events} events, ${seed.lots} lots (${seed.balances} balances, ${seed.containers} containers) in ${ms(seed.seedMs)}; diffAgainstReducer ${ms(seed.checkMs)}`,
  );
  if (seed.diffs.length > 0)
    throw new Error(`seeded balances disagree with the reducer: ${seed.diffs.slice(0, 5).join('; ')}`);
  const check = await call(page, 'checkSeedShortcut', SHORTCUT_CHECK_LOTS);
  log(
    `seeding shortcut = recordEvents on ${check.events} events (${ms(check.recordMs / check.events)}/event through recordEvents)`,
  );
  if (check.mismatches.length > 0)
    throw new Error(
      `the seeding shortcut differs from recordEvents: ${check.mismatches.slice(0, 3).join('; ')}`,
    );
  const cold = await call(page, 'fefoColdSamples', COLD_LOOKUPS);
  const warm = await call(page, 'fefoWarmSamples', WARM_LOOKUPS);
  log(
    `fefo lookup: cold ${ms(median(cold.ms))} (max ${ms(Math.max(...cold.ms))}), warm ${ms(median(warm.ms))}; ${median(cold.candidates)} candidates`,
  );
  const tail = await call(page, 'openTailSamples', OPEN_TAIL_SAMPLES, OPEN_TAIL_EVENTS);
  if (tail.tailEvents.some((n) => n !== OPEN_TAIL_EVENTS))
    throw new Error(
      `open with a tail: expected ${OPEN_TAIL_EVENTS} tail events, read ${tail.tailEvents.join(', ')}`,
    );
  log(
    `open with ${OPEN_TAIL_EVENTS} unfolded events over the ${seed.events}-event ledger: ${ms(median(tail.ms))} = openDatabase ${ms(median(tail.openDbMs))} + snapshot ${ms(median(tail.snapshotMs))} + tail ${ms(median(tail.tailMs))}`,
  );
  return [
    {
      name: 'treat.open_tail_1k_ms',
      value: median(tail.ms),
      unit: 'ms',
      baseline: null,
      budget: OPEN_TAIL_BUDGET_MS,
    },
    {
      name: 'treat.fefo_lookup_ms',
      value: median(cold.ms),
      unit: 'ms',
      baseline: null,
      budget: FEFO_LOOKUP_BUDGET_MS,
    },
    {
      name: 'treat.fefo_lookup_warm_ms',
      value: median(warm.ms),
      unit: 'ms',
      baseline: null,
      budget: FEFO_LOOKUP_BUDGET_MS,
    },
  ];
}

export default async function treat(ctx: BenchContext): Promise<MetricInput[]> {
  const started = Date.now();
  await buildBenchPage();
  const server = await serveStatic(PAGE_DIR);
  try {
    const { context, page } = await openBenchPage(ctx.browser, server.url);
    try {
      const draw = await recordDraw(page);
      const fefo = await fefoLookup(page);
      log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      return [draw, ...fefo];
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
  }
}
