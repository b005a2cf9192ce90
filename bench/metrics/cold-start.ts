// app.cold_start_offline_ms and app.cold_start_offline_4x_ms: median of RUNS offline cold starts
// (new tab, same installed context, network off), without and with 4x CPU throttling.
// Baseline: the same navigation to a tiny precached file (service worker + tab floor), or null.
import {
  installThenGoOffline,
  appColdStartMs,
  findTinyPrecachedUrl,
  floorColdStartMs,
} from '../lib/cold-start';
import { median } from '../lib/report';
import type { BenchContext, MetricInput } from '../lib/types';

const RUNS = 5;
const VARIANTS = [
  { name: 'app.cold_start_offline_ms', cpuRate: 1, budget: 1000 },
  { name: 'app.cold_start_offline_4x_ms', cpuRate: 4, budget: 2500 },
];

async function sample(runs: number, measure: () => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  // Sequential on purpose: parallel tabs would compete for the CPU being measured.
  for (let i = 0; i < runs; i++) samples.push(await measure());
  return samples;
}

export default async function coldStart(ctx: BenchContext): Promise<MetricInput[]> {
  const context = await ctx.browser.newContext();
  try {
    const installed = await installThenGoOffline(context, ctx.server);
    const floorUrl = await findTinyPrecachedUrl(installed);
    await installed.close();
    const results: MetricInput[] = [];
    for (const { name, cpuRate, budget } of VARIANTS) {
      const app = await sample(RUNS, () => appColdStartMs(context, ctx.server.url, cpuRate));
      const floor = floorUrl ? await sample(RUNS, () => floorColdStartMs(context, floorUrl, cpuRate)) : null;
      results.push({ name, value: median(app), unit: 'ms', baseline: floor && median(floor), budget });
    }
    return results;
  } finally {
    await context.close();
  }
}
