import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { clickTestId, openApp } from './support/app';
import { useHarness } from './support/harness';
import {
  byTestId,
  chooseProduct,
  demoLot,
  demoProduct,
  demoStaff,
  loadDemo,
  signIn,
  startVisit,
} from './support/treat';

const frontDesk = demoStaff('Sam Rivera');
const manager = demoStaff('Casey Kim');
const injector = demoStaff('Jordan Alvarez');
const botox = demoProduct('Botox');
const soon = demoLot('C8123AC4');
const later = demoLot('C8377AD2');
const VIEWPORTS = [
  { width: 1180, height: 820 },
  { width: 820, height: 1180 },
];

/** Opens Stock and returns the cell texts of `lotNumber`'s row once it is shown. */
async function lotCells(page: Page, lotNumber: string): Promise<string[]> {
  const row = byTestId(page, `stock-lot-${lotNumber}`);
  await row.waitFor();
  return (await row.locator('td').allTextContents()).map((t) => t.trim());
}

async function openStock(page: Page): Promise<void> {
  await clickTestId(page, 'nav-stock');
  await page.waitForSelector('[data-testid="screen-stock"][aria-busy="false"] tbody tr');
}

/** Nothing on the page is wider than the viewport (no sideways scrolling of the table). */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('Stock per location and role', () => {
  const h = useHarness();

  for (const viewport of VIEWPORTS) {
    it(`[ST1][ST3][ST4] ${viewport.width}×${viewport.height}: front desk limited to Main St sees Main St only, quantities and the expiring lot, no money`, async () => {
      const { page } = await h.newPage();
      await page.setViewportSize(viewport);
      await openApp(page, h.server.url);
      await loadDemo(page);
      await signIn(page, frontDesk);
      await openStock(page);

      expect(await byTestId(page, 'stock-location-only').textContent()).toContain('Main St');
      expect(await byTestId(page, 'stock-location').count()).toBe(0);
      expect(await page.getByText('Harbor').count()).toBe(0);
      // Main St's 300 U of the later Botox lot, not the 500 U of both locations.
      expect(await lotCells(page, later.lotNumber)).toEqual([
        later.lotNumber,
        later.expiry,
        '300 U',
        'Available',
      ]);
      expect(await lotCells(page, soon.lotNumber)).toEqual([
        soon.lotNumber,
        soon.expiry,
        '100 U',
        'Expires in 20 days',
      ]);
      const pill = byTestId(page, `stock-lot-${soon.lotNumber}`).getByText('Expires in 20 days');
      expect(await pill.getAttribute('class')).toContain('pill--warn');
      expect(await pill.isVisible()).toBe(true);
      expect(await page.getByRole('columnheader', { name: 'Unit cost' }).count()).toBe(0);
      expect(await byTestId(page, 'stock-total-value').count()).toBe(0);
      expect(await byTestId(page, 'screen-stock').textContent()).not.toContain('$');
      expect(await fitsWidth(page)).toBe(true);
    });

    it(`[ST2][ST3] ${viewport.width}×${viewport.height}: a manager sees unit costs to the cent, values and the total; All splits by location`, async () => {
      const { page } = await h.newPage();
      await page.setViewportSize(viewport);
      await openApp(page, h.server.url);
      await loadDemo(page);
      await signIn(page, manager);
      await openStock(page);

      expect(await byTestId(page, 'stock-location').inputValue()).toBe(DEMO_IDS.mainLocation);
      expect((await lotCells(page, 'P47512')).slice(2, 5)).toEqual(['300 U', '$1.97 / U', '$590.00']);
      expect((await lotCells(page, soon.lotNumber)).slice(2)).toEqual([
        '100 U',
        '$6.50 / U',
        '$650.00',
        'Expires in 20 days',
      ]);
      expect(
        await byTestId(page, `stock-product-${botox.id}`).getByTestId('product-total').textContent(),
      ).toBe('400 U on hand · $2,690.00');
      expect(await byTestId(page, 'stock-total-value').locator('strong').textContent()).toBe('$7,580.00');
      const total = byTestId(page, 'stock-total-value');
      expect(await total.isVisible()).toBe(true);

      await byTestId(page, 'stock-location').selectOption('all');
      await page.getByRole('columnheader', { name: 'Harbor' }).first().waitFor();
      expect((await lotCells(page, later.lotNumber)).slice(2, 7)).toEqual([
        '300 U',
        '200 U',
        '500 U',
        '$6.80 / U',
        '$3,400.00',
      ]);
      expect(await byTestId(page, 'stock-total-value').textContent()).toContain('all locations');
      expect(await fitsWidth(page)).toBe(true);
    });
  }

  for (const [where, locationId, onHand] of [
    ['Main St', DEMO_IDS.mainLocation, '300 U'],
    ['Harbor', DEMO_IDS.satelliteLocation, '200 U'],
  ] as const) {
    it(`[ST1] at ${where}, a lot’s balance on Stock is what the Treat lot chooser shows there (${onHand})`, async () => {
      const { page } = await h.newPage();
      await page.setViewportSize({ width: 1180, height: 820 });
      await openApp(page, h.server.url);
      await loadDemo(page);
      await signIn(page, injector);
      await openStock(page);
      await byTestId(page, 'stock-location').selectOption(locationId);
      await page.waitForFunction(
        ([lot, qty]) =>
          document.querySelector(`[data-testid="stock-lot-${lot}"]`)?.querySelectorAll('td')[2]
            ?.textContent === qty,
        [later.lotNumber, onHand] as const,
      );
      // An injector sees quantities and status, never money.
      expect(await byTestId(page, 'screen-stock').textContent()).not.toContain('$');

      await clickTestId(page, 'nav-treat');
      await startVisit(page, { chartRef: 'CH-77001', locationId, areas: ['Glabella'] });
      await chooseProduct(page, botox);
      // The lot is the suggestion where it is the only one, else listed below it (listed once: [F5]).
      const shown = page
        .locator(`[data-testid="fefo-suggestion"], [data-testid="candidate-${later.lotNumber}"]`)
        .filter({ hasText: `lot ${later.lotNumber}` });
      expect(await shown.textContent()).toContain(`${onHand} available`);
    });
  }
});
