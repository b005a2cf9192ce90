import { describe, expect, it } from 'vitest';
import { openApp, waitForReady, waitForServiceWorker } from './support/app';
import { useHarness } from './support/harness';
import { goOffline } from './support/network';

describe('offline cold start', () => {
  const h = useHarness();

  it('[PWA2] cold-starts from the service worker with the network off', async () => {
    const { context, page } = await h.newPage();
    await openApp(page, h.server.url);
    await waitForServiceWorker(page);
    const stockHref = await page.getAttribute('[data-testid="nav-stock"]', 'href');
    await page.close();
    await goOffline(context, h.server);

    // A brand-new page (a cold start, not a reload of a warm page) with no network.
    const cold = await context.newPage();
    const response = await cold.goto(h.server.url);
    expect(response?.fromServiceWorker(), 'the document came from the service worker').toBe(true);
    await waitForReady(cold);
    expect(await cold.evaluate(() => navigator.onLine)).toBe(false);

    // A deep link works offline too (navigation fallback to the precached shell).
    const deep = await context.newPage();
    await deep.goto(new URL(stockHref ?? '/', h.server.url).href);
    await waitForReady(deep);
    await deep.waitForSelector('[data-testid="screen-stock"]', { timeout: 10_000 });
  });
});
