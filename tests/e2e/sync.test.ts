/**
 * Two tablets (two browser contexts) enrolled with the same clinic server: one goes offline,
 * records a draw, comes back; the other sees it arrive live, without reloading.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { clickTestId, openApp, waitForServiceWorker } from './support/app';
import { enrollTablet } from './support/devices';
import { useHarness } from './support/harness';
import { goOffline, goOnline } from './support/network';
import {
  byTestId,
  chooseProduct,
  demoLot,
  demoProduct,
  demoStaff,
  loadDemo,
  recordDose,
  signIn,
  startVisit,
  stockRow,
} from './support/treat';

const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

describe('sync between tablets', () => {
  const h = useHarness({ server: { demo: true, env: { CHAIRSIDE_ADMIN_TOKEN: ADMIN_TOKEN } } });

  /** A new tablet that types `code` into Settings → Sync and submits it. */
  async function freshTabletEntering(code: string): Promise<Page> {
    const { page } = await h.newPage();
    await openApp(page, h.server.url);
    await clickTestId(page, 'nav-settings');
    await byTestId(page, 'enroll-code').fill(code);
    await clickTestId(page, 'enroll-submit');
    return page;
  }

  /** The demo is loaded: the demo admin connects the tablet ([R4]), then hands it back. */
  const enroll = (page: Page, name: string) =>
    enrollTablet(page, h.server.url, ADMIN_TOKEN, [DEMO_IDS.mainLocation], name);

  it('[S7][T2] a draw recorded offline on tablet A appears live on tablet B once A is back', async () => {
    const lot = demoLot('C8123AC4');
    const a = await h.newPage();
    const b = await h.newPage();
    for (const [tab, name] of [
      [a, 'Room 1'],
      [b, 'Room 2'],
    ] as const) {
      await openApp(tab.page, h.server.url);
      await waitForServiceWorker(tab.page);
      await loadDemo(tab.page);
      await enroll(tab.page, name);
    }
    await b.page.waitForFunction(() =>
      document.querySelector('[data-testid="sync-status"]')?.textContent?.includes('Synced live'),
    );
    // Stock shows a signed-in person's locations ([ST1]): Casey watches Main St on B.
    await signIn(b.page, demoStaff('Casey Kim'));
    expect(await stockRow(b.page, lot.lotNumber)).toContain('100 U');

    await goOffline(a.context, h.server);
    await signIn(a.page, demoStaff('Priya Shah'));
    await startVisit(a.page, { chartRef: 'CH-5150', locationId: DEMO_IDS.mainLocation, areas: ['Forehead'] });
    await chooseProduct(a.page, demoProduct('Botox'));
    await clickTestId(a.page, 'accept-fefo');
    await recordDose(a.page, '40');
    await a.page.waitForFunction(() =>
      document
        .querySelector('[data-testid="sync-status"]')
        ?.textContent?.includes('3 records only on this tablet'),
    );
    // B, still online, has not heard of it.
    expect(await stockRow(b.page, lot.lotNumber)).toContain('100 U');

    await goOnline(a.context);
    await a.page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="sync-status"]')
          ?.textContent?.includes('0 records only on this tablet'),
      undefined,
      { timeout: 30_000 },
    );
    // B sees it live: no reload, the Stock screen updates by itself.
    await b.page.waitForFunction(
      (lotNumber) =>
        [...document.querySelectorAll('[data-testid="screen-stock"] tr')].some(
          (row) => row.textContent?.includes(lotNumber) && row.textContent.includes('60 U'),
        ),
      lot.lotNumber,
      { timeout: 30_000 },
    );
  });

  it('[S1] an admin signed in on a tablet makes the one-time code another tablet enrolls with', async () => {
    const a = await h.newPage();
    await openApp(a.page, h.server.url);
    await loadDemo(a.page);
    await signIn(a.page, demoStaff('Morgan Lee'));
    await clickTestId(a.page, 'nav-settings');
    await byTestId(a.page, 'admin-token').fill('not-the-token');
    await clickTestId(a.page, 'make-enroll-code');
    await a.page.getByRole('alert').filter({ hasText: 'did not accept that admin token' }).waitFor();
    await byTestId(a.page, 'admin-token').fill(ADMIN_TOKEN);
    await clickTestId(a.page, 'make-enroll-code');
    const code = (await byTestId(a.page, 'new-enroll-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);

    await byTestId(await freshTabletEntering(code), 'sync-enrolled').waitFor();
    // A code works once.
    await byTestId(await freshTabletEntering(code), 'enroll-error').waitFor();
  });

  it('[R1] the enrollment-code card is offered to admins only', async () => {
    const { page } = await h.newPage();
    await openApp(page, h.server.url);
    await loadDemo(page);
    await signIn(page, demoStaff('Priya Shah'));
    await clickTestId(page, 'nav-settings');
    await byTestId(page, 'sync-card').waitFor();
    expect(await byTestId(page, 'enroll-code-card').count()).toBe(0);
  });
});
