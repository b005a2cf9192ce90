import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { initialScriptUrls } from '../../bench/lib/html';
import { finalize, formatTable, median, toResults } from '../../bench/lib/report';
import { initialJsGzipBytes } from '../../bench/metrics/initial-js';

describe('bench library', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chairside-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('[BENCH1] median handles odd and even samples', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([5, 1, 3, 100])).toBe(4);
    expect(() => median([])).toThrow();
  });

  it('[BENCH1] ratio is value/baseline and budgets respect the direction of the unit', () => {
    expect(finalize({ name: 'a', value: 400, unit: 'ms', baseline: 100, budget: 1000 })).toEqual({
      value: 400,
      unit: 'ms',
      baseline: 100,
      ratio: 4,
      budget: 1000,
      withinBudget: true,
    });
    expect(finalize({ name: 'b', value: 1001, unit: 'ms', budget: 1000 }).withinBudget).toBe(false);
    expect(finalize({ name: 'c', value: 30, unit: 'ops/s', budget: 50 }).withinBudget).toBe(false);
    expect(finalize({ name: 'e', value: 31, unit: 'per min', budget: 30 }).withinBudget).toBe(true);
    expect(finalize({ name: 'd', value: 3, unit: 'kB' })).toMatchObject({
      baseline: null,
      ratio: null,
      withinBudget: null,
    });
  });

  it('[BENCH1] results reject duplicate metric names and print one row per metric', () => {
    const machine = { cpus: 2, node: 'v20' };
    const now = new Date('2025-01-01T00:00:00Z');
    expect(() =>
      toResults(
        [
          { name: 'x', value: 1, unit: 'ms' },
          { name: 'x', value: 2, unit: 'ms' },
        ],
        machine,
        now,
      ),
    ).toThrow(/twice/);
    const results = toResults([{ name: 'x', value: 1200, unit: 'ms', budget: 1000 }], machine, now);
    expect(results.generatedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(formatTable(results).split('\n')).toHaveLength(3);
    expect(formatTable(results)).toMatch(/x\s+1200\s+ms\s+-\s+-\s+1000\s+NO/);
  });

  it('[BENCH2] initial JS = module scripts + modulepreload links, not lazy chunks or CSS', () => {
    const html = `<html><head>
      <script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-b.js">
      <link rel="stylesheet" href="/assets/index.css">
      <link rel="manifest" href="/manifest.webmanifest">
      <script>inline()</script></head></html>`;
    expect(initialScriptUrls(html)).toEqual(['/assets/index-a.js', '/assets/vendor-b.js']);

    mkdirSync(join(dir, 'assets'));
    const a = 'export const a = "' + 'x'.repeat(5000) + '";';
    const b = 'export const b = ' + JSON.stringify([...Array(500).keys()]) + ';';
    writeFileSync(join(dir, 'index.html'), html);
    writeFileSync(join(dir, 'assets', 'index-a.js'), a);
    writeFileSync(join(dir, 'assets', 'vendor-b.js'), b);
    writeFileSync(join(dir, 'assets', 'lazy-c.js'), 'x'.repeat(100_000));
    const expected = gzipSync(a, { level: 9 }).length + gzipSync(b, { level: 9 }).length;
    expect(initialJsGzipBytes(dir).bytes).toBe(expected);
  });
});
