// catalog.csv_import_5k_ms: a 5,000-row product CSV parsed, validated and stored through the
// Catalog's real import path in headless Chromium (bench/browser/catalog.ts, on the bench page),
// median of 3 fresh databases. Baseline: a raw Dexie bulkPut of the same products in the same run.
// Budget ≤ 3,000 ms (issue #12).
import type { Page } from 'playwright-core';
import { buildBenchPage, openBenchPage, PAGE_DIR, serveStatic } from '../browser/page';
import type { TreatBench } from '../browser/treat-bench';
import { median } from '../lib/report';
import type { BenchContext, MetricInput } from '../lib/types';

const ROWS = 5_000;
const SAMPLES = 3;
const BUDGET_MS = 3_000;
/** The demo clinic's products, already in each database. */
const DEMO_PRODUCTS = 6;

const log = (line: string): void => {
  process.stderr.write(`  catalog: ${line}\n`);
};
const ms = (n: number): string => `${n.toFixed(0)} ms`;

function samples(page: Page) {
  return page.evaluate(
    ([rows, n]) => (window as unknown as { treatBench: TreatBench }).treatBench.catalogImportSamples(rows, n),
    [ROWS, SAMPLES] as const,
  );
}

export default async function catalog(ctx: BenchContext): Promise<MetricInput[]> {
  await buildBenchPage();
  const server = await serveStatic(PAGE_DIR);
  try {
    const { context, page } = await openBenchPage(ctx.browser, server.url);
    try {
      const r = await samples(page);
      if (r.errors.some((e) => e !== 0))
        throw new Error(`the bench CSV had refused rows: ${r.errors.join(', ')}`);
      if (r.stored.some((n) => n !== ROWS + DEMO_PRODUCTS))
        throw new Error(`expected ${ROWS + DEMO_PRODUCTS} products stored, found ${r.stored.join(', ')}`);
      log(
        `${ROWS} rows: parse ${ms(median(r.parseMs))} + validate ${ms(median(r.planMs))} + store; total ${ms(median(r.importMs))} (samples ${r.importMs.map(ms).join(', ')}); raw Dexie bulkPut ${ms(median(r.baselineMs))}`,
      );
      return [
        {
          name: 'catalog.csv_import_5k_ms',
          value: median(r.importMs),
          unit: 'ms',
          baseline: median(r.baselineMs),
          budget: BUDGET_MS,
        },
      ];
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
  }
}
