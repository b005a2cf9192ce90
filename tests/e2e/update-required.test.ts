/**
 * [S3] An outdated app meets a newer server: every sync call answers 426. The tablet says "update
 * available", keeps recording, keeps its unsynced work across a reload, and syncs it once it runs
 * a version the server accepts. The "outdated app" is the real app whose protocol header is
 * rewritten to 0 on the way out (Playwright routing); the server is the real one.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { clickTestId, openApp } from './support/app';
import { enrollTablet } from './support/devices';
import { useHarness } from './support/harness';
import {
  chooseProduct,
  demoProduct,
  demoStaff,
  loadDemo,
  recordDose,
  signIn,
  startVisit,
} from './support/treat';

const ADMIN_TOKEN = 'e2e-admin-token-update-required-0123';
const SYNC_CALLS = /\/api\/v1\/(events|records)\//;

/** Makes every sync call look as if an older build (protocol 0) sent it. */
async function actAsOutdatedApp(context: BrowserContext): Promise<void> {
  await context.route(SYNC_CALLS, (route) =>
    route.continue({ headers: { ...route.request().headers(), 'x-chairside-protocol': '0' } }),
  );
}

function statusIncludes(page: Page, text: string): Promise<unknown> {
  return page.waitForFunction(
    (t) => document.querySelector('[data-testid="sync-status"]')?.textContent?.includes(t) === true,
    text,
    { timeout: 30_000 },
  );
}

describe('version handshake in the browser', () => {
  const h = useHarness({ server: { demo: true, env: { CHAIRSIDE_ADMIN_TOKEN: ADMIN_TOKEN } } });

  it('[S3] a 426 shows "update available", keeps the work through a reload and syncs it after the update', async () => {
    const { context, page } = await h.newPage();
    await actAsOutdatedApp(context);
    await openApp(page, h.server.url);
    await loadDemo(page);
    await enrollTablet(page, h.server.url, ADMIN_TOKEN, [DEMO_IDS.mainLocation], 'Room 3');
    await statusIncludes(page, 'Update available — sync paused');
    expect(await page.locator('[data-testid="sync-error"]').textContent()).toContain('newer version');

    await signIn(page, demoStaff('Priya Shah'));
    await startVisit(page, { chartRef: 'CH-426', locationId: DEMO_IDS.mainLocation, areas: ['Forehead'] });
    await chooseProduct(page, demoProduct('Botox'));
    await clickTestId(page, 'accept-fefo');
    await recordDose(page, '40');
    await statusIncludes(page, '3 records only on this tablet');

    await page.reload();
    await statusIncludes(page, 'Update available — sync paused');
    await statusIncludes(page, '3 records only on this tablet');

    // "Updated": the same app now speaks a protocol the server accepts.
    await context.unroute(SYNC_CALLS);
    await page.reload();
    await statusIncludes(page, '0 records only on this tablet');
    await statusIncludes(page, 'Synced live');
  });
});
