// Benchmark runner: `npm run bench` (node --import tsx bench/run.ts [plugin-name]).
// Does not build: it measures whatever is in dist/ and fails clearly when that is missing, so
// `npm run build && npm run bench` measures exactly the build you have. Starts the real server and
// a headless Chromium, runs every plug-in in bench/metrics/ (or just the named one), writes
// bench/results.json (a single named plug-in updates only its own metrics there) and prints a
// table. Over-budget metrics are flagged "NO"; with BENCH_STRICT=1 they also make the exit code 1.
import { cpus } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tests/e2e/support/chromium';
import { DIST_DIR, assertBuilt, startServer } from '../tests/e2e/support/server';
import { loadPlugins } from './lib/plugins';
import { formatTable, toResults } from './lib/report';
import type { BenchResults, MetricInput } from './lib/types';

const RESULTS_PATH = join(import.meta.dirname, 'results.json');

async function main(): Promise<number> {
  assertBuilt();
  const plugins = await loadPlugins(undefined, process.argv[2]);
  if (plugins.length === 0) throw new Error(`no metric plug-in named ${process.argv[2]}`);
  const server = await startServer();
  const browser = await launchChromium();
  const inputs: MetricInput[] = [];
  try {
    for (const [file, plugin] of plugins) {
      process.stderr.write(`bench: ${file}\n`);
      inputs.push(...(await plugin({ server, browser, distDir: DIST_DIR })));
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const results = toResults(inputs, { cpus: cpus().length, node: process.version }, new Date());
  if (process.argv[2] !== undefined && existsSync(RESULTS_PATH)) {
    const previous = JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as BenchResults;
    results.metrics = { ...previous.metrics, ...results.metrics };
  }
  writeFileSync(RESULTS_PATH, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${formatTable(results)}\n\nwrote ${RESULTS_PATH}\n`);
  const overBudget = Object.values(results.metrics).some((m) => m.withinBudget === false);
  return overBudget && process.env.BENCH_STRICT === '1' ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
