import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp, waitForReady, waitForServiceWorker } from './support/app';
import { useHarness } from './support/harness';
import { assertBuilt, DIST_DIR } from './support/server';

/** A private copy of the build, so this test can publish a "new version" without touching dist/. */
function copyOfBuild(): string {
  assertBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'chairside-update-'));
  cpSync(DIST_DIR, dir, { recursive: true });
  return dir;
}

describe('app updates', () => {
  const staticDir = copyOfBuild();
  const h = useHarness({ server: { env: { STATIC_DIR: staticDir } } });

  it('[PWA3] a new version is announced and applied only when staff accept it', async () => {
    const { page } = await h.newPage();
    await openApp(page, h.server.url);
    await waitForServiceWorker(page);
    expect(await page.locator('[data-testid="update-banner"]').count()).toBe(0);

    // Publish a new service worker (any byte change is a new version to the browser).
    const swPath = join(staticDir, 'sw.js');
    writeFileSync(swPath, `${readFileSync(swPath, 'utf8')}\n// release ${Date.now()}\n`);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });

    const banner = page.locator('[data-testid="update-banner"]');
    await banner.waitFor({ timeout: 30_000 });
    // Nothing reloads by itself: the page we marked is still the same document.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    expect(
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting !== null)),
    ).toBe(true);
    expect(await banner.getByRole('button', { name: 'Update now' }).isEnabled()).toBe(true);

    await Promise.all([
      page.waitForEvent('load'),
      banner.getByRole('button', { name: 'Update now' }).click(),
    ]);
    await waitForReady(page);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined();
    expect(
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting ?? null)),
    ).toBeNull();
    expect(await page.locator('[data-testid="update-banner"]').count()).toBe(0);
  });
});
