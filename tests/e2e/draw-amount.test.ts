import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { clickTestId, openApp } from './support/app';
import { useHarness } from './support/harness';
import {
  byTestId,
  chooseProduct,
  demoProduct,
  demoStaff,
  loadDemo,
  signIn,
  startVisit,
  tapKeys,
} from './support/treat';

const injector = demoStaff('Priya Shah');
const juvederm = demoProduct('Juvéderm');

describe('draw amounts are checked as typed', () => {
  const h = useHarness();

  for (const viewport of [
    { width: 1180, height: 820 },
    { width: 820, height: 1180 },
  ]) {
    it(`[T3] ${viewport.width}×${viewport.height}: too fine or more than the syringe holds keeps Record disabled, with the reason beside it`, async () => {
      const { page } = await h.newPage();
      await page.setViewportSize(viewport);
      await openApp(page, h.server.url);
      await loadDemo(page);
      await signIn(page, injector);
      await startVisit(page, { chartRef: 'CH-40404', locationId: DEMO_IDS.mainLocation, areas: ['Lips'] });
      await chooseProduct(page, juvederm);
      await clickTestId(page, 'accept-fefo');
      const record = byTestId(page, 'record-draw');
      const reason = byTestId(page, 'draw-amount-reason');

      await tapKeys(page, 'Amount', '5');
      expect(await record.isDisabled()).toBe(true);
      expect(await reason.textContent()).toBe(
        'Only 1 mL is left in the new syringe: draw 1 mL or less here, and the rest from another.',
      );
      await page
        .getByRole('group', { name: 'Amount', exact: true })
        .getByRole('button', { name: 'Delete' })
        .click();
      await tapKeys(page, 'Amount', '0.599');
      expect(await record.isDisabled()).toBe(true);
      expect(await reason.textContent()).toBe(`${juvederm.name} is drawn in steps of 0.01 mL.`);
      expect(await reason.isVisible()).toBe(true);

      await page
        .getByRole('group', { name: 'Amount', exact: true })
        .getByRole('button', { name: 'Delete' })
        .click();
      expect(await record.isDisabled()).toBe(false);
      expect(await reason.count()).toBe(0);
      expect(await byTestId(page, 'remaining-after').textContent()).toMatch(/^0\.41 mL left in/);
    });
  }
});
