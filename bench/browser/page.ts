// Node side of the treatment bench page: build it with Vite, serve it on 127.0.0.1 (random port,
// cross-origin isolated for 5 µs timers) and open it in the bench's Chromium.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { BENCH_PAGE_OUT_DIR } from './vite.config';

const CONFIG_FILE = fileURLToPath(new URL('./vite.config.ts', import.meta.url));
export const PAGE_DIR = BENCH_PAGE_OUT_DIR;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Builds bench/browser/index.html into .tmp/bench-browser/. */
export async function buildBenchPage(): Promise<void> {
  await build({ configFile: CONFIG_FILE, logLevel: 'warn' });
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a random port; "/" is index.html, nothing outside `dir` is served. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(dir, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(normalize(dir))) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-embedder-policy': 'require-corp',
          'cache-control': 'no-store',
        });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Opens the bench page in a fresh context and waits for `window.treatBench`. */
export async function openBenchPage(
  browser: Browser,
  url: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 30_000 });
  const isolated = await page.evaluate(() => crossOriginIsolated);
  if (!isolated)
    throw new Error('the bench page is not cross-origin isolated: timer resolution would be 100 µs');
  return { context, page };
}
