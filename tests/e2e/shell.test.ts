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
});
