// Discovers metric plug-ins: every bench/metrics/*.ts file (tests excluded) default-exports a
// MetricPlugin. Adding a benchmark = adding a file; run.ts never changes.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MetricPlugin } from './types';

export const METRICS_DIR = join(import.meta.dirname, '..', 'metrics');

export async function loadPlugins(dir = METRICS_DIR, only?: string): Promise<Array<[string, MetricPlugin]>> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .filter((f) => only === undefined || f.replace(/\.ts$/, '') === only)
    .sort();
  const plugins: Array<[string, MetricPlugin]> = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown };
    if (typeof mod.default !== 'function') throw new Error(`${file} must default-export a metric plug-in`);
    plugins.push([file, mod.default as MetricPlugin]);
  }
  return plugins;
}
