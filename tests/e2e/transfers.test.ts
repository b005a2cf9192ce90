/**
 * Transfers on the Stock screen in Chromium ([TR1]-[TR3]), at both tablet orientations: a manager
 * sends 100 U from Main St to Harbor, then receives it at Harbor with 60 U arrived and a reason.
 * CHAIRSIDE_SHOTS=<dir> also saves a screenshot of each step there, for a person to look at.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { clickTestId, openApp } from './support/app';
import { useHarness } from './support/harness';
import { cartonCode, writeCartonSweep } from './support/cartons';
import { grantCamera } from './support/chromium';
import { byTestId, demoLot, demoProduct, demoStaff, loadDemo, signIn } from './support/treat';

const manager = demoStaff('Casey Kim');
const later = demoLot('C8377AD2');
const botox = demoProduct('Botox');
/** The camera shows the two vials sent (serials V1, V2), then V1 again: counted once. */
const VIDEO = join(mkdtempSync(join(tmpdir(), 'chairside-transfer-')), 'arrival.y4m');
const vial = (serial: string) => cartonCode(botox.gtins[0] ?? '', later.expiry, later.lotNumber, serial);
writeCartonSweep(VIDEO, [vial('V1'), vial('V2'), vial('V1')]);
const VIEWPORTS = [
  { width: 1180, height: 820 },
  { width: 820, height: 1180 },
];

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.CHAIRSIDE_SHOTS;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

async function lotOnHand(page: Page, lotNumber: string): Promise<string> {
  const row = byTestId(page, `stock-lot-${lotNumber}`);
  await row.waitFor();
  return ((await row.locator('td').allTextContents())[2] ?? '').trim();
}

describe('transfers between locations', () => {
  const h = useHarness({ browser: { fakeVideoPath: VIDEO } });

  for (const viewport of VIEWPORTS) {
    it(`[TR1][TR2][TR3] ${viewport.width}×${viewport.height}: send 100 U to Harbor, receive 60 U there with a reason`, async () => {
      const { page } = await h.newPage();
      await page.setViewportSize(viewport);
      await openApp(page, h.server.url);
      await loadDemo(page);
      await signIn(page, manager);
      await clickTestId(page, 'nav-stock');
      expect(await lotOnHand(page, later.lotNumber)).toBe('300 U');

      await clickTestId(page, 'transfer-start');
      await byTestId(page, 'transfer-to').selectOption(DEMO_IDS.satelliteLocation);
      await byTestId(page, `transfer-amount-${later.lotNumber}`).fill('100');
      await shot(page, `transfer-send-${viewport.width}`);
      await clickTestId(page, 'transfer-send-confirm');
      await byTestId(page, 'transfer-outgoing').waitFor();
      expect(await byTestId(page, 'transfer-outgoing').textContent()).toContain('100 U');
      expect(await lotOnHand(page, later.lotNumber)).toBe('200 U');

      await byTestId(page, 'stock-location').selectOption(DEMO_IDS.satelliteLocation);
      await clickTestId(page, 'transfer-receive');
      await byTestId(page, `transfer-arrived-${later.lotNumber}`).fill('60');
      await clickTestId(page, 'transfer-receive-confirm');
      expect(await byTestId(page, 'transfer-problem').textContent()).toBe(
        'Say why what arrived differs from what was sent.',
      );
      await byTestId(page, 'transfer-reason').fill('40 U spilled in transport');
      await shot(page, `transfer-receive-${viewport.width}`);
      await clickTestId(page, 'transfer-receive-confirm');
      const difference = byTestId(page, 'transfer-difference');
      await difference.waitFor();
      expect(await difference.textContent()).toContain('40 U spilled in transport');
      expect(await difference.locator('td').allTextContents()).toEqual(['100 U', '60 U']);
      expect(await byTestId(page, 'transfer-arriving').count()).toBe(0);
      await shot(page, `transfer-received-${viewport.width}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    });
  }

  it('[TR5] 1180×820: two vials scanned on arrival — one read twice, counted once — and received in full', async () => {
    const { context, page } = await h.newPage();
    await grantCamera(context, h.server.url);
    await page.setViewportSize({ width: 1180, height: 820 });
    await openApp(page, h.server.url);
    await loadDemo(page);
    await signIn(page, manager);
    await clickTestId(page, 'nav-stock');
    await clickTestId(page, 'transfer-start');
    await byTestId(page, 'transfer-to').selectOption(DEMO_IDS.satelliteLocation);
    await byTestId(page, `transfer-amount-${later.lotNumber}`).fill('200');
    await clickTestId(page, 'transfer-send-confirm');
    await byTestId(page, 'transfer-outgoing').waitFor();

    await byTestId(page, 'stock-location').selectOption(DEMO_IDS.satelliteLocation);
    await clickTestId(page, 'transfer-receive');
    await clickTestId(page, 'transfer-scan');
    const arrived = byTestId(page, `transfer-arrived-${later.lotNumber}`);
    await expect.poll(() => arrived.inputValue(), { timeout: 30_000 }).toBe('200');
    await expect
      .poll(() => byTestId(page, 'transfer-scan-note').textContent(), { timeout: 30_000 })
      .toBe(`Serial V1 of lot ${later.lotNumber} is counted already.`);
    await shot(page, 'transfer-scan-1180');
    await clickTestId(page, 'transfer-receive-confirm');
    await byTestId(page, 'transfer-notice').waitFor();
    expect(await byTestId(page, 'transfer-notice').textContent()).toContain('Received at');
    expect(await byTestId(page, 'transfer-difference').count()).toBe(0);
    // Harbor held 200 U of this lot: now 400 U.
    expect(await lotOnHand(page, later.lotNumber)).toBe('400 U');
  });
});
