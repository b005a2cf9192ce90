// app.initial_js_gzip_kb: gzip (level 9) size of the JS index.html loads before first render.
// Lazy chunks (dynamic imports) are excluded on purpose: they do not delay the cold start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initialScriptUrls } from '../lib/html';
import type { BenchContext, MetricInput } from '../lib/types';

export const INITIAL_JS_BUDGET_KB = 250;

/** Maps a URL from index.html ("/assets/x.js" or "./assets/x.js") to its file under dist/. */
function distFile(distDir: string, url: string): string {
  if (/^[a-z]+:\/\//i.test(url)) throw new Error(`index.html loads external script ${url}; not measurable`);
  return join(distDir, url.replace(/^\.?\//, '').split(/[?#]/)[0]!);
}

export function initialJsGzipBytes(distDir: string): { bytes: number; files: string[] } {
  const urls = initialScriptUrls(readFileSync(join(distDir, 'index.html'), 'utf8'));
  if (urls.length === 0) throw new Error('index.html loads no scripts: is dist/ a Vite build?');
  const bytes = urls.reduce(
    (sum, url) => sum + gzipSync(readFileSync(distFile(distDir, url)), { level: 9 }).length,
    0,
  );
  return { bytes, files: urls };
}

export default async function initialJs(ctx: BenchContext): Promise<MetricInput[]> {
  const { bytes } = initialJsGzipBytes(ctx.distDir);
  return [
    {
      name: 'app.initial_js_gzip_kb',
      value: bytes / 1000,
      unit: 'kB',
      baseline: null,
      budget: INITIAL_JS_BUDGET_KB,
    },
  ];
}
