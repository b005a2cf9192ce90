// Shapes shared by the benchmark runner and the metric plug-ins in bench/metrics/.
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../tests/e2e/support/server';

export type Unit = 'ms' | 's' | 'ops/s' | 'per min' | 'ratio' | 'kB';

/** What a plug-in measures. `baseline`/`budget` are in the same unit as `value`. */
export interface MetricInput {
  name: string;
  value: number;
  unit: Unit;
  /** The same measurement on a floor or reference implementation, when one is meaningful. */
  baseline?: number | null;
  /** Upper bound for "lower is better" units (ms, kB), lower bound for "higher is better" (ops/s, per min). */
  budget?: number | null;
}

export interface MetricResult {
  value: number;
  unit: Unit;
  baseline: number | null;
  ratio: number | null;
  budget: number | null;
  withinBudget: boolean | null;
}

export interface BenchResults {
  generatedAt: string;
  machine: { cpus: number; node: string };
  metrics: Record<string, MetricResult>;
}

/** What every plug-in gets: a running server (serving dist/) and a headless Chromium. */
export interface BenchContext {
  server: RunningServer;
  browser: Browser;
  distDir: string;
}

/** A plug-in: each file in bench/metrics/ default-exports one of these. */
export type MetricPlugin = (ctx: BenchContext) => Promise<MetricInput[]>;
