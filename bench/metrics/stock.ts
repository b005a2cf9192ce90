// stock.render_2k_lots_ms (+ _warm_ms): the Stock screen of the built app, in headless Chromium at
// 1180×820, over a database holding 2,000 lots (100,000 events, bench/browser/seed-data.ts) beside
// the demo clinic. A manager signs in through the PIN pad; each sample is the time from the tap on
// Stock to the frame after its first lot row is in the document (timed in the page, no CDP
// round-trip). Cold = the first Stock of a new tab (RxDB's caches empty, the live balances already
// loaded by boot and sign-in); warm = Stock again after Count, in the same tab; history = the tap on
// History with All locations chosen (1,900 used-up lots, paged per product).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { openApp } from '../../tests/e2e/support/app';
import { startServer, type RunningServer } from '../../tests/e2e/support/server';
import { demoStaff, signIn } from '../../tests/e2e/support/treat';
import { buildBenchPage, PAGE_DIR } from '../browser/page';
import type { TreatBench } from '../browser/treat-bench';
import { median } from '../lib/report';
import type { BenchContext, MetricInput } from '../lib/types';

const BUDGET_MS = 150;
const COLD_RUNS = 5;
const WARM_RUNS = 10;
const HISTORY_RUNS = 5;
const TIMEOUT_MS = 30_000;

const log = (line: string): void => {
  process.stderr.write(`  stock: ${line}\n`);
};

/** Fills the context's IndexedDB through the bench page on the app's origin (before any service worker). */
async function seed(context: BrowserContext, server: RunningServer): Promise<void> {
  const seeder = await context.newPage();
  await seeder.goto(`${server.url}/__bench/index.html`);
  await seeder.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  const seeded = await seeder.evaluate(() =>
    (window as unknown as { treatBench: TreatBench }).treatBench.seedAppDatabase(true, true),
  );
  log(`seeded ${seeded.events} events, ${seeded.balances} balances in ${(seeded.ms / 1000).toFixed(1)} s`);
  await seeder.close();
}

interface Sample {
  ms: number;
  rows: number;
}

const SHOWN = '[data-testid="screen-stock"][aria-busy="false"] table tbody tr';
const HISTORY_TAB = '[data-testid="stock-view-history"]';
const IN_STOCK_TAB = '[data-testid="stock-view-in_stock"]';

/**
 * Taps `tap` and resolves with the ms until the frame after every selector of `done` matches (lot
 * rows of the loaded view). Plain source text: tsx would wrap named functions in a helper
 * (`__name`) the page does not have.
 */
function timeTap(page: Page, tap: string, done: string[]): Promise<Sample> {
  const source = `new Promise((resolve, reject) => {
    const done = ${JSON.stringify(done)};
    const rows = () => document.querySelectorAll(${JSON.stringify(SHOWN)}).length;
    const target = document.querySelector(${JSON.stringify(tap)});
    if (!target) return reject(new Error('nothing to tap at ' + ${JSON.stringify(tap)}));
    const started = performance.now();
    const timer = setTimeout(() => reject(new Error('no lot rows after tapping ' + ${JSON.stringify(tap)})), ${TIMEOUT_MS});
    const observer = new MutationObserver(() => {
      if (!done.every((selector) => document.querySelector(selector))) return;
      observer.disconnect();
      clearTimeout(timer);
      // The frame that shows the rows is painted after this animation frame's callbacks.
      requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - started, rows: rows() }), 0));
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    target.click();
  })`;
  return page.evaluate(source) as Promise<Sample>;
}

const timeStock = (page: Page) => timeTap(page, '[data-testid="nav-stock"]', [SHOWN]);

async function leaveStock(page: Page): Promise<void> {
  await page.click('[data-testid="nav-count"]');
  await page.waitForSelector('[data-testid="screen-count"]', { timeout: TIMEOUT_MS });
}

/** All locations (2,000 lots, 1,900 used up), then History timed `runs` times from In stock. */
async function historySamples(page: Page, runs: number): Promise<Sample[]> {
  await page.selectOption('[data-testid="stock-location"]', 'all');
  await page.waitForSelector(`${SHOWN.replace(' table tbody tr', '')} th:has-text("Total")`, {
    timeout: TIMEOUT_MS,
  });
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push(await timeTap(page, HISTORY_TAB, [`${HISTORY_TAB}[aria-checked="true"]`, SHOWN]));
    await timeTap(page, IN_STOCK_TAB, [`${IN_STOCK_TAB}[aria-checked="true"]`, SHOWN]);
  }
  return samples;
}

/** One new tab: sign in, the first Stock (cold), then `warmRuns` returns to it after Count. */
async function tabSamples(
  context: BrowserContext,
  url: string,
  warmRuns: number,
): Promise<{ cold: Sample; warm: Sample[]; history: Sample[] }> {
  const page = await context.newPage();
  try {
    await openApp(page, url);
    await signIn(page, demoStaff('Casey Kim'));
    const cold = await timeStock(page);
    const warm: Sample[] = [];
    for (let i = 0; i < warmRuns; i++) {
      await leaveStock(page);
      warm.push(await timeStock(page));
    }
    const history = warmRuns > 0 ? await historySamples(page, HISTORY_RUNS) : [];
    return { cold, warm, history };
  } finally {
    await page.close();
  }
}

export default async function stock(ctx: BenchContext): Promise<MetricInput[]> {
  await buildBenchPage();
  const staticDir = mkdtempSync(join(tmpdir(), 'chairside-static-'));
  cpSync(ctx.distDir, staticDir, { recursive: true });
  cpSync(PAGE_DIR, join(staticDir, '__bench'), { recursive: true });
  const server = await startServer({ env: { STATIC_DIR: staticDir } });
  const context = await ctx.browser.newContext({ viewport: { width: 1180, height: 820 } });
  try {
    await seed(context, server);
    const cold: Sample[] = [];
    const warm: Sample[] = [];
    const history: Sample[] = [];
    // Sequential on purpose: parallel tabs would compete for the CPU being measured.
    for (let i = 0; i < COLD_RUNS; i++) {
      const tab = await tabSamples(context, server.url, i === 0 ? WARM_RUNS : 0);
      cold.push(tab.cold);
      warm.push(...tab.warm);
      history.push(...tab.history);
    }
    const coldMs = median(cold.map((s) => s.ms));
    const warmMs = median(warm.map((s) => s.ms));
    const historyMs = median(history.map((s) => s.ms));
    log(
      `Stock with 2,000 lots: cold ${coldMs.toFixed(1)} ms (max ${Math.max(...cold.map((s) => s.ms)).toFixed(1)}), warm ${warmMs.toFixed(1)} ms; ${cold[0]?.rows ?? 0} lot rows rendered`,
    );
    log(
      `History at all locations (1,900 used-up lots): ${historyMs.toFixed(1)} ms, ${history[0]?.rows ?? 0} lot rows rendered`,
    );
    return [
      { name: 'stock.render_2k_lots_ms', value: coldMs, unit: 'ms', baseline: null, budget: BUDGET_MS },
      { name: 'stock.render_2k_lots_warm_ms', value: warmMs, unit: 'ms', baseline: null, budget: BUDGET_MS },
      { name: 'stock.history_2k_lots_ms', value: historyMs, unit: 'ms', baseline: null, budget: BUDGET_MS },
    ];
  } finally {
    await context.close();
    await server.stop();
    rmSync(staticDir, { recursive: true, force: true });
  }
}
