// Waits on the app's own readiness signals instead of sleeping: the shell sets
// <html data-ready="true"> once it rendered and the local database is open.
import type { Page } from 'playwright-core';

const READY_SELECTOR = 'html[data-ready="true"]';

/** Navigates to `url` and resolves once the app reports ready. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForReady(page);
}

export async function waitForReady(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout });
}

/**
 * Ensures the page is controlled by the service worker: waits for registration to be active and,
 * on a first visit (no controller yet, since the SW does not claim clients), reloads once.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!controlled) {
    await page.reload();
    await waitForReady(page);
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
}

/** Clicks a `data-testid` element. */
export async function clickTestId(page: Page, testId: string): Promise<void> {
  await page.click(`[data-testid="${testId}"]`);
}

/** Waits until the `data-testid` element's trimmed text equals `text`. */
export async function waitForText(page: Page, testId: string, text: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    ([id, expected]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === expected,
    [testId, text] as const,
    { timeout },
  );
}
