// Offline cold-start timing: the app is installed (service worker controlling), the network is
// off, and a brand-new tab opens the app. Time = navigation start -> performance.mark
// ('chairside:ready'), which the app sets once the shell rendered and the local database is open.
import type { BrowserContext, Page } from 'playwright-core';
import { openApp, waitForReady, waitForServiceWorker } from '../../tests/e2e/support/app';
import { throttleCpu } from '../../tests/e2e/support/cpu';
import { goOffline } from '../../tests/e2e/support/network';
import type { RunningServer } from '../../tests/e2e/support/server';

/** Installs the app in `context` (first online visit + service worker), then cuts the network. */
export async function installThenGoOffline(context: BrowserContext, server: RunningServer): Promise<Page> {
  const page = await context.newPage();
  await openApp(page, server.url);
  await waitForServiceWorker(page);
  await goOffline(context, server);
  return page;
}

async function openFresh(context: BrowserContext, url: string, cpuRate: number): Promise<Page> {
  const page = await context.newPage();
  if (cpuRate > 1) await throttleCpu(page, cpuRate);
  const response = await page.goto(url);
  if (!response?.fromServiceWorker()) throw new Error(`${url} was not served by the service worker offline`);
  return page;
}

/** One offline cold start of the app in a new tab; ms from navigation start to the ready mark. */
export async function appColdStartMs(context: BrowserContext, url: string, cpuRate: number): Promise<number> {
  const page = await openFresh(context, url, cpuRate);
  try {
    await waitForReady(page);
    const ms = await page.evaluate(
      () => performance.getEntriesByName('chairside:ready')[0]?.startTime ?? null,
    );
    if (ms === null) throw new Error("the app is ready but never called performance.mark('chairside:ready')");
    return ms;
  } finally {
    await page.close();
  }
}

/** The floor: the same offline new-tab navigation to a tiny precached file, ms to loadEventEnd. */
export async function floorColdStartMs(
  context: BrowserContext,
  url: string,
  cpuRate: number,
): Promise<number> {
  const page = await openFresh(context, url, cpuRate);
  try {
    const handle = await page.waitForFunction(() => {
      const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : false;
    });
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

/**
 * A tiny non-HTML file the service worker precached (the web manifest, an icon...), to serve as
 * the "minimal static page" floor; null when the precache holds none.
 */
export async function findTinyPrecachedUrl(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const preferred = ['.webmanifest', '.json', '.txt', '.svg', '.ico'];
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) {
        const url = new URL(request.url);
        url.searchParams.delete('__WB_REVISION__');
        urls.push(url.href);
      }
    }
    for (const ext of preferred) {
      const hit = urls.find((u) => new URL(u).pathname.endsWith(ext));
      if (hit) return hit;
    }
    return null;
  });
}
