// app.cold_start_offline_100k_ms: the offline cold start (new tab → 'chairside:ready') on an
// on-disk Chromium profile whose database holds 100,000 events over 2,000 lots; baseline the same
// start on a profile with the demo clinic only. Boot must not read the ledger (SPEC [L11]), so the
// two should be close (≤ 1.3×). Each profile is filled by the bench page served from the app's own
// origin before the service worker exists (afterwards it would answer that navigation with the app).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { openApp, waitForServiceWorker } from '../../tests/e2e/support/app';
import { chromiumArgs } from '../../tests/e2e/support/chromium';
import { goOffline } from '../../tests/e2e/support/network';
import { startServer, type RunningServer } from '../../tests/e2e/support/server';
// @ts-expect-error -- plain .mjs script without type declarations; its export is typed below.
import { ensureChromium as ensureChromiumUntyped } from '../../scripts/ensure-chromium.mjs';
import { buildBenchPage, PAGE_DIR } from '../browser/page';
import type { TreatBench } from '../browser/treat-bench';
import { appColdStartMs } from '../lib/cold-start';
import { median } from '../lib/report';
import type { BenchContext, MetricInput } from '../lib/types';

const ensureChromium = ensureChromiumUntyped as () => string;
const RUNS = 5;
const BUDGET_MS = 600;
const MAX_RATIO_TO_DEMO = 1.3;

const log = (line: string): void => {
  process.stderr.write(`  cold-start-100k: ${line}\n`);
};

/** One on-disk profile: seeded through the bench page, the app installed, then offline starts. */
async function coldStarts(server: RunningServer, withHistory: boolean): Promise<number[]> {
  const profile = mkdtempSync(join(tmpdir(), 'chairside-profile-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: ensureChromium(),
      headless: true,
      args: chromiumArgs(),
    });
    const seeder = await context.newPage();
    await seeder.goto(`${server.url}/__bench/index.html`);
    await seeder.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    const seeded = await seeder.evaluate(
      (history) => (window as unknown as { treatBench: TreatBench }).treatBench.seedAppDatabase(history),
      withHistory,
    );
    log(
      `${withHistory ? 'history' : 'demo'} profile: ${seeded.events} events, ${seeded.balances} balances, seeded in ${(seeded.ms / 1000).toFixed(1)} s`,
    );
    await seeder.close();
    const app = await context.newPage();
    await openApp(app, server.url);
    await waitForServiceWorker(app);
    await app.close();
    await goOffline(context, server);
    const samples: number[] = [];
    // Sequential on purpose: parallel tabs would compete for the CPU being measured.
    for (let i = 0; i < RUNS; i++) samples.push(await appColdStartMs(context, server.url, 1));
    return samples;
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export default async function coldStart100k(ctx: BenchContext): Promise<MetricInput[]> {
  await buildBenchPage();
  const staticDir = mkdtempSync(join(tmpdir(), 'chairside-static-'));
  cpSync(ctx.distDir, staticDir, { recursive: true });
  cpSync(PAGE_DIR, join(staticDir, '__bench'), { recursive: true });
  const server = await startServer({ env: { STATIC_DIR: staticDir } });
  try {
    const demo = median(await coldStarts(server, false));
    const history = median(await coldStarts(server, true));
    log(
      `offline cold start: ${history.toFixed(0)} ms with 100,000 events vs ${demo.toFixed(0)} ms with the demo only (${(history / demo).toFixed(2)}×; ≤ ${MAX_RATIO_TO_DEMO}× wanted)`,
    );
    return [
      {
        name: 'app.cold_start_offline_100k_ms',
        value: history,
        unit: 'ms',
        baseline: demo,
        budget: BUDGET_MS,
      },
    ];
  } finally {
    await server.stop();
    rmSync(staticDir, { recursive: true, force: true });
  }
}
