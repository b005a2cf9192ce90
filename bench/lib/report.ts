// Turns raw measurements into the results.json shape and a printable table.
import type { BenchResults, MetricInput, MetricResult, Unit } from './types';

const HIGHER_IS_BETTER: ReadonlySet<Unit> = new Set(['ops/s', 'per min']);

/** Median of a non-empty sample; e.g. [5, 1, 3, 100] -> (3 + 5) / 2 = 4. */
export function median(samples: number[]): number {
  if (samples.length === 0) throw new Error('median of an empty sample');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Adds ratio (value / baseline) and the budget verdict. Example: 400 ms with baseline 100 and
 * budget 1000 -> ratio 4, withinBudget true; 30 ops/s with budget 50 -> withinBudget false.
 */
export function finalize(input: MetricInput): MetricResult {
  const baseline = input.baseline ?? null;
  const budget = input.budget ?? null;
  const ratio = baseline !== null && baseline > 0 ? round(input.value / baseline) : null;
  const withinBudget =
    budget === null ? null : HIGHER_IS_BETTER.has(input.unit) ? input.value >= budget : input.value <= budget;
  return {
    value: round(input.value),
    unit: input.unit,
    baseline: baseline === null ? null : round(baseline),
    ratio,
    budget,
    withinBudget,
  };
}

export function toResults(inputs: MetricInput[], machine: BenchResults['machine'], now: Date): BenchResults {
  const metrics: Record<string, MetricResult> = {};
  for (const input of inputs) {
    if (input.name in metrics) throw new Error(`metric ${input.name} reported twice`);
    metrics[input.name] = finalize(input);
  }
  return { generatedAt: now.toISOString(), machine, metrics };
}

export function formatTable(results: BenchResults): string {
  const header = ['metric', 'value', 'unit', 'baseline', 'ratio', 'budget', 'ok'];
  const show = (n: number | null): string => (n === null ? '-' : String(n));
  const rows = Object.entries(results.metrics).map(([name, m]) => [
    name,
    show(m.value),
    m.unit,
    show(m.baseline),
    show(m.ratio),
    show(m.budget),
    m.withinBudget === null ? '-' : m.withinBudget ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
