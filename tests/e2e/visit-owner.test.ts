import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { clickTestId, openApp, waitForText } from './support/app';
import { useHarness } from './support/harness';
import {
  byTestId,
  chooseProduct,
  demo,
  demoProduct,
  demoStaff,
  loadDemo,
  recordDose,
  signIn,
  startVisit,
  summaryLines,
} from './support/treat';

const jordan = demoStaff('Jordan Alvarez');
const morgan = demoStaff('Morgan Lee');
const priya = demoStaff('Priya Shah');
const main = demo.locations.find((l) => l.id === DEMO_IDS.mainLocation)!;

describe('a visit belongs to its person', () => {
  const h = useHarness();

  it('[V1] after a switch the next person starts at the visit list; reopening another’s visit says whose it is; undoing their draw needs the role', async () => {
    const { page } = await h.newPage();
    await page.setViewportSize({ width: 1180, height: 820 });
    await openApp(page, h.server.url);
    await loadDemo(page);
    await signIn(page, jordan);
    await startVisit(page, { chartRef: 'CH-10482', locationId: DEMO_IDS.mainLocation, areas: ['Glabella'] });
    expect(await byTestId(page, 'visit-owner').textContent()).toContain(
      `Provider ${jordan.name} · ${main.name}`,
    );
    await chooseProduct(page, demoProduct('Botox'));
    await clickTestId(page, 'accept-fefo');
    await clickTestId(page, 'dose-chip-40');
    await recordDose(page, '40');
    await waitForText(page, 'visit-cogs', '$260.00');

    // Morgan (admin) signs in after a switch: not inside Jordan's visit.
    await clickTestId(page, 'switch-staff');
    await signIn(page, morgan);
    await byTestId(page, 'start-visit').waitFor();
    expect(await byTestId(page, 'visit-header').count()).toBe(0);
    const provider = page.locator('[data-testid^="reopen-provider-"]').first();
    expect(await provider.textContent()).toBe(jordan.name);
    await page.locator('[data-testid^="reopen-"]').filter({ hasText: 'CH-10482' }).first().click();
    const confirm = byTestId(page, 'reopen-other');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(`CH-10482 is ${jordan.name}’s visit`);
    // The question is in view and its answer focused.
    await expect
      .poll(() => byTestId(page, 'reopen-other-confirm').evaluate((b) => b === document.activeElement))
      .toBe(true);
    expect(await byTestId(page, 'reopen-other-confirm').isVisible()).toBe(true);
    const box = await byTestId(page, 'reopen-other-confirm').boundingBox();
    expect(box && box.y + box.height <= 820).toBe(true);
    await clickTestId(page, 'reopen-other-confirm');
    await waitForText(page, 'visit-header', 'Visit · CH-10482');
    expect(await page.locator('[data-testid^="undo-"]').count()).toBe(1);

    // Priya (injector) may open it too, but not undo Jordan's draw.
    await clickTestId(page, 'switch-staff');
    await signIn(page, priya);
    await byTestId(page, 'start-visit').waitFor();
    expect(await byTestId(page, 'visit-header').count()).toBe(0);
    await page.locator('[data-testid^="reopen-"]').filter({ hasText: 'CH-10482' }).first().click();
    await clickTestId(page, 'reopen-other-confirm');
    await waitForText(page, 'visit-header', 'Visit · CH-10482');
    expect(await summaryLines(page)).toHaveLength(1);
    expect(await page.locator('[data-testid^="undo-"]').count()).toBe(0);
  });
});
