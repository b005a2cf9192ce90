/**
 * Two tablets (two browser contexts) enrolled with the same clinic server: one goes offline,
 * records a draw, comes back; the other sees it arrive live, without reloading.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { clickTestId, openApp, waitForServiceWorker } from './support/app';
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

  async function enroll(page: Page, name: string): Promise<void> {
    const response = await fetch(`${h.server.url}/api/v1/admin/enroll-codes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ locationIds: [DEMO_IDS.mainLocation] }),
    });
    expect(response.status).toBe(201);
    const { code } = (await response.json()) as { code: string };
    await clickTestId(page, 'nav-settings');
    await byTestId(page, 'enroll-code').fill(code);
    await byTestId(page, 'enroll-name').fill(name);
    await clickTestId(page, 'enroll-submit');
    await byTestId(page, 'sync-enrolled').waitFor();
  }

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
        ?.textContent?.includes('2 changes only on this tablet'),
    );
    // B, still online, has not heard of it.
    expect(await stockRow(b.page, lot.lotNumber)).toContain('100 U');

    await goOnline(a.context);
    await a.page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="sync-status"]')
          ?.textContent?.includes('0 changes only on this tablet'),
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
});
