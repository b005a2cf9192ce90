// The visit laid out for a tablet (issue #10 §3, §5, §6): the step that needs an answer is on
// screen and focused, tiles stay put, one scan result at a time, an undo leaves the vial unopened,
// and "Done with this visit" confirms with the totals — at 1180×820 and in portrait.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { clickTestId, openApp, waitForText } from './support/app';
import { ai17 } from './support/barcodes';
import { useHarness } from './support/harness';
import {
  byTestId,
  chooseProduct,
  demo,
  demoLot,
  demoProduct,
  demoStaff,
  loadDemo,
  recordDose,
  signIn,
  startVisit,
  summaryLines,
} from './support/treat';

const VIEWPORTS = [
  { width: 1180, height: 820 },
  { width: 820, height: 1180 },
] as const;
const injector = demoStaff('Priya Shah');
const botox = demoProduct('Botox');
const juvederm = demoProduct('Juv');
const soonest = demoLot('C8123AC4');
const later = demoLot('C8377AD2');
const code = (gtin: string, lot: string, expiry: string) => `(01)${gtin}(17)${ai17(expiry)}(10)${lot}`;

/** Fully inside the viewport (not under the header or the bottom navigation). */
async function onScreen(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  const covered = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !(hit === el || el.contains(hit));
  });
  return !covered && box.y >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width;
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

async function tileOrder(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid^="product-"].tile')
    .evaluateAll((tiles) => tiles.map((t) => t.dataset.testid ?? ''));
}

describe('the visit on a tablet', () => {
  const h = useHarness();

  async function atTheChair(viewport: { width: number; height: number }, chartRef: string): Promise<Page> {
    const { page } = await h.newPage();
    await page.setViewportSize(viewport);
    await openApp(page, h.server.url);
    await loadDemo(page);
    await signIn(page, injector);
    await startVisit(page, { chartRef, locationId: DEMO_IDS.mainLocation, areas: ['Glabella'] });
    return page;
  }

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}×${viewport.height}`;

    it(`[T6][F5] ${size}: the suggestion, the reason and the pad come into view focused; tiles stay put`, async () => {
      const page = await atTheChair(viewport, `CH-L${viewport.width}`);
      await byTestId(page, `product-${botox.id}`).waitFor();
      const before = await tileOrder(page);
      expect(before).toHaveLength(demo.products.length);

      await chooseProduct(page, botox);
      const accept = byTestId(page, 'accept-fefo');
      await expect.poll(() => isFocused(accept), { timeout: 30_000 }).toBe(true);
      expect(await onScreen(page, accept)).toBe(true);
      // The suggestion is listed once.
      expect(await byTestId(page, `candidate-${soonest.lotNumber}`).count()).toBe(0);

      await accept.click();
      const record = byTestId(page, 'record-draw');
      await record.waitFor();
      expect(await onScreen(page, record)).toBe(true);
      expect(await onScreen(page, byTestId(page, 'dose-chip-40'))).toBe(true);
      // A physical keyboard types into the focused pad; Enter records.
      await page.keyboard.type('25');
      await waitForText(page, 'dose-display', '25 U');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await summaryLines(page)).length).toBe(1);

      // Drawing Botox and starring Juvéderm would reorder the tiles; during the visit they stay.
      await clickTestId(page, `favourite-${juvederm.id}`);
      await expect
        .poll(() => byTestId(page, `favourite-${juvederm.id}`).getAttribute('aria-pressed'))
        .toBe('true');
      expect(await tileOrder(page)).toEqual(before);

      // Against FEFO: the reason is asked in view, focused; "Other" needs words.
      await chooseProduct(page, botox);
      await clickTestId(page, `candidate-${later.lotNumber}`);
      const reason = byTestId(page, 'deviation-reason');
      await expect.poll(() => isFocused(reason), { timeout: 30_000 }).toBe(true);
      expect(await onScreen(page, reason)).toBe(true);
      await reason.selectOption('other');
      const confirm = byTestId(page, 'confirm-deviation');
      // "Other" adds a field for the words: it and the confirm button come into view, focused.
      await expect.poll(() => isFocused(byTestId(page, 'deviation-note'))).toBe(true);
      expect(await onScreen(page, confirm)).toBe(true);
      expect(await confirm.isDisabled()).toBe(true);
      await byTestId(page, 'deviation-note').fill('fridge door stuck');
      expect(await confirm.isDisabled()).toBe(false);
      await confirm.click();
      await waitForText(page, 'draw-note', 'Not FEFO: Other — fridge door stuck');
      expect(await onScreen(page, byTestId(page, 'record-draw'))).toBe(true);
      await recordDose(page, '10');
      expect((await summaryLines(page))[1]).toContain('Not FEFO: Other — fridge door stuck');
    });
  }

  it('[T5][T7] undoing the draw that opened a vial leaves it unopened; Done confirms with the totals', async () => {
    const page = await atTheChair(VIEWPORTS[0], 'CH-UNDO1');
    await chooseProduct(page, botox);
    await clickTestId(page, 'accept-fefo');
    await recordDose(page, '40');
    await chooseProduct(page, botox);
    expect(await byTestId(page, 'fefo-suggestion').textContent()).toContain('Opened vial');

    await page.locator('[data-testid^="undo-"]').first().click();
    await expect
      .poll(() => byTestId(page, 'fefo-suggestion').textContent(), { timeout: 30_000 })
      .toContain('New vial');
    expect(await byTestId(page, 'fefo-suggestion').textContent()).toContain('100 U available');

    await clickTestId(page, 'accept-fefo');
    await recordDose(page, '20');
    await chooseProduct(page, juvederm);
    // A filler's container is a syringe.
    expect(await page.getByRole('heading', { name: 'Which syringe?' }).count()).toBe(1);
    await expect
      .poll(() => byTestId(page, 'fefo-suggestion').textContent(), { timeout: 30_000 })
      .toMatch(/(New|Opened) syringe/);

    await clickTestId(page, 'finish-visit');
    const finish = byTestId(page, 'finish-visit-confirm');
    await expect.poll(() => isFocused(finish), { timeout: 30_000 }).toBe(true);
    expect(await onScreen(page, finish)).toBe(true);
    const totals = (await byTestId(page, 'finish-totals').textContent()) ?? '';
    expect(totals).toContain(`${botox.name}: 20 U in 1 draw`);
    expect(totals).not.toContain('40 U');
    await finish.click();
    await byTestId(page, 'start-visit').waitFor();
  });

  it('[SC13] one scan result at a time: garbage, an unknown GTIN and a blocked lot do not pile up', async () => {
    const page = await atTheChair(VIEWPORTS[0], 'CH-SCAN1');
    await clickTestId(page, 'open-scanner');
    await byTestId(page, 'scan-panel').waitFor();
    // One way to close the scanner.
    expect(await byTestId(page, 'open-scanner').count()).toBe(0);
    expect(await byTestId(page, 'scan-panel').getByRole('button', { name: /close/i }).count()).toBe(1);
    const typed = async (text: string) => {
      await byTestId(page, 'scan-manual-input').fill(text);
      await clickTestId(page, 'scan-manual-submit');
    };

    await typed(code(botox.gtins[0]!, soonest.lotNumber, soonest.expiry));
    await waitForText(page, 'scan-product', `${botox.name} (unit code)`);
    await typed('hello!!');
    await byTestId(page, 'scan-error').waitFor();
    // The error stands alone: not under the previous code's GTIN.
    expect(await byTestId(page, 'scan-result').count()).toBe(0);
    expect(await byTestId(page, 'scan-result-card').count()).toBe(1);

    // A blocked lot asks for a manager; the next scan (an unknown GTIN) closes that question.
    const xeomin = demoProduct('Xeomin');
    const expired = demo.lots.find((l) => l.productId === xeomin.id)!;
    await typed(code(xeomin.gtins[0]!, expired.lotNumber, expired.expiry));
    await byTestId(page, 'manager-override').waitFor();
    await typed(code('00012345678905', 'DX1', later.expiry));
    await byTestId(page, 'scan-ask-manager').waitFor();
    expect(await byTestId(page, 'manager-override').count()).toBe(0);
    const card = (await byTestId(page, 'scan-result-card').textContent()) ?? '';
    expect(card.match(/not in the catalog/gi)).toHaveLength(1);

    await clickTestId(page, 'scan-close');
    await byTestId(page, 'open-scanner').waitFor();
    await clickTestId(page, 'scan-result-dismiss');
    expect(await byTestId(page, 'scan-result-card').count()).toBe(0);
  });
});
