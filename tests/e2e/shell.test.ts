import { describe, expect, it } from 'vitest';
import { clickTestId, openApp } from './support/app';
import { useHarness } from './support/harness';

const SCREENS = ['treat', 'receive', 'count', 'stock', 'catalog', 'reports', 'settings'] as const;

describe('app shell', () => {
  const h = useHarness();

  it('[PWA1] the shell loads and every screen is reachable', async () => {
    const { page } = await h.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openApp(page, h.server.url);
    expect(await page.locator('[data-testid="sync-status"]').count()).toBe(1);
    for (const name of SCREENS) {
      await clickTestId(page, `nav-${name}`);
      await page.waitForSelector(`[data-testid="screen-${name}"]`, { timeout: 10_000 });
      expect(
        await page.locator('[data-testid^="screen-"]:visible').count(),
        `only screen-${name} shows`,
      ).toBe(1);
    }
    expect(errors).toEqual([]);
  });

  it('[PWA5] Settings shows how much the tablet stores and whether the browser keeps it', async () => {
    const { page } = await h.newPage();
    await openApp(page, h.server.url);
    await clickTestId(page, 'nav-settings');
    const usage = page.locator('[data-testid="storage-usage"]');
    await expect
      .poll(() => usage.textContent(), { timeout: 10_000 })
      .toMatch(/^[\d.]+ (B|kB|MB|GB) used of [\d.]+ (B|kB|MB|GB|TB) available$/);
    // The browser's own answer to the app's request at start (main.tsx asks for persistent storage).
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    const text = await page.locator('[data-testid="storage-persisted"]').textContent();
    expect(text?.startsWith(persisted ? 'Persistent' : 'Not persistent yet')).toBe(true);
  });
});
