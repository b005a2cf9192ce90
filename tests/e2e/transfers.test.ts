/**
 * Transfers on the Stock screen in Chromium ([TR1]-[TR3]), at both tablet orientations: a manager
 * sends 100 U from Main St to Harbor, then receives it at Harbor with 60 U arrived and a reason.
 * CHAIRSIDE_SHOTS=<dir> also saves a screenshot of each step there, for a person to look at.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { clickTestId, openApp } from './support/app';
import { useHarness } from './support/harness';
import { byTestId, demoLot, demoStaff, loadDemo, signIn } from './support/treat';

const manager = demoStaff('Casey Kim');
const later = demoLot('C8377AD2');
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
  const h = useHarness();

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
});
