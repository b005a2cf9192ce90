// Receiving in the real app ([RC4]-[RC7]): a fake-camera video shows two different cartons, one of
// them twice; the lines, the refused repeat serial, the stored lots and receive events are checked.
// A manager then receives a split delivery with free goods by typing the codes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { lotIdFor } from '../../src/domain/replica/lot-id';
import { clickTestId, openApp } from './support/app';
import { grantCamera, launchChromium } from './support/chromium';
import { startServer, type RunningServer } from './support/server';
import { byTestId, demoProduct, demoStaff, loadDemo, signIn, storedEvents } from './support/treat';
import { writeY4m } from './support/y4m';
import { CAMERA, blankShelf, cartonCode, holdCarton, JUVEDERM_CARTON_GTIN } from './support/cartons';

const TIMEOUT = 30_000;
const frontDesk = demoStaff('Sam Rivera');
const manager = demoStaff('Casey Kim');
const juvederm = demoProduct('Juvéderm');
const botox = demoProduct('Botox');
const CARTON_GTIN = JUVEDERM_CARTON_GTIN;
const code = cartonCode;

describe('receiving stock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chairside-receive-'));
  let server: RunningServer;
  const browsers: Browser[] = [];
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openReceive(frames: Uint8Array[] | null, person = frontDesk): Promise<Page> {
    const video = join(dir, `receive-${browsers.length}.y4m`);
    if (frames) writeY4m(video, { ...CAMERA, frames });
    const browser = await launchChromium(frames ? { fakeVideoPath: video } : {});
    browsers.push(browser);
    const context = await browser.newContext({ viewport: { width: 1180, height: 820 } });
    if (frames) await grantCamera(context, server.url);
    const page = await context.newPage();
    await openApp(page, server.url);
    await loadDemo(page);
    await signIn(page, person);
    await clickTestId(page, 'nav-receive');
    await byTestId(page, 'receipt-supplier').waitFor({ timeout: TIMEOUT });
    return page;
  }

  const lineCounts = (page: Page) =>
    page.$$eval('[data-testid="receipt-line"]', (lines) =>
      lines.map((l) => [
        l.getAttribute('data-lot'),
        (l.querySelector('[data-testid="receipt-line-count"]') as HTMLInputElement).value,
      ]),
    );

  it('[RC4][RC5][RC7] two cartons on the camera, one shown twice: two lines, the repeat refused, stock and events exact', async () => {
    const hold = holdCarton;
    const blank = blankShelf();
    const cartonA = code(CARTON_GTIN, '2028-03-31', 'J77', 'S1');
    const cartonB = code(botox.gtins[0] ?? '', '2028-01-31', 'C99', 'B1');
    const page = await openReceive([
      ...hold(cartonA),
      ...blank,
      ...hold(cartonB),
      ...blank,
      ...hold(cartonA),
      ...blank,
    ]);
    await byTestId(page, 'receipt-supplier').fill('Allergan');
    await clickTestId(page, 'receive-scan');
    await expect
      .poll(() => lineCounts(page), { timeout: TIMEOUT })
      .toEqual([
        ['J77', '2'],
        ['C99', '1'],
      ]);
    await expect
      .poll(() => byTestId(page, 'receive-note').textContent(), { timeout: TIMEOUT })
      .toContain('Carton S1 is already on this receipt.');
    expect(await lineCounts(page)).toEqual([
      ['J77', '2'],
      ['C99', '1'],
    ]);
    const prices = byTestId(page, 'receipt-line-price');
    await prices.nth(0).fill('300');
    await prices.nth(1).fill('540');
    await clickTestId(page, 'receipt-review-open');
    // Front desk does not see costs ([ST3]); the review lists what arrives.
    expect(await byTestId(page, 'receipt-review-total').count()).toBe(0);
    await clickTestId(page, 'receipt-store');
    await byTestId(page, 'receipt-done').waitFor({ timeout: TIMEOUT });
    const receives = (await storedEvents(page)).filter(
      (e) => e.type === 'receive' && e.payload.supplier === 'Allergan' && e.payload.serials !== '',
    );
    const org = DEMO_IDS.organization;
    expect(
      receives.map((e) => [e.lotId, e.quantityMilli, e.payload.serials, e.payload.unitCostMicros]).sort(),
    ).toEqual(
      [
        [lotIdFor(org, juvederm.id, 'J77'), 2_000, 'S1', 300_000_000],
        [lotIdFor(org, botox.id, 'C99'), 100_000, 'B1', 5_400_000],
      ].sort(),
    );
    // The same carton on the next delivery is refused, naming when it came.
    // The next delivery starts with the scanner open again.
    await clickTestId(page, 'receipt-another');
    await byTestId(page, 'scan-manual-input').fill(cartonA);
    await clickTestId(page, 'scan-manual-submit');
    await expect
      .poll(() => byTestId(page, 'receive-note').textContent(), { timeout: TIMEOUT })
      .toMatch(/Carton S1 was already received \(lot J77, \d{4}-\d{2}-\d{2}\)/);
  }, 180_000);

  it('[RC2][RC7] a manager receives 11 vials with 1 free, split between two locations: exact cost per unit, one event per location', async () => {
    const page = await openReceive(null, manager);
    await byTestId(page, 'receipt-supplier').fill('Allergan');
    await byTestId(page, 'receipt-po').fill('PO-1107');
    await clickTestId(page, 'receive-scan');
    for (let i = 0; i < 11; i++) {
      await byTestId(page, 'scan-manual-input').fill(
        code(botox.gtins[0] ?? '', '2028-06-30', 'C11', `V${i}`),
      );
      await clickTestId(page, 'scan-manual-submit');
      await expect.poll(() => lineCounts(page), { timeout: TIMEOUT }).toEqual([['C11', String(i + 1)]]);
    }
    await byTestId(page, 'receipt-line-free').fill('1');
    await byTestId(page, 'receipt-line-price').fill('540');
    await clickTestId(page, 'receipt-line-split');
    const split = byTestId(page, 'receipt-split-count');
    await split.nth(0).fill('6');
    await split.nth(1).fill('5');
    await clickTestId(page, 'receipt-review-open');
    const review = byTestId(page, 'receipt-review');
    await review.waitFor({ timeout: TIMEOUT });
    expect(await review.textContent()).toContain('11 vials, 1 free (1100 U) at $4.909091 / U');
    expect(await byTestId(page, 'receipt-review-total').textContent()).toContain('$5,400.00');
    await clickTestId(page, 'receipt-store');
    await byTestId(page, 'receipt-done').waitFor({ timeout: TIMEOUT });
    const receives = (await storedEvents(page)).filter(
      (e) => e.type === 'receive' && e.payload.purchaseOrder === 'PO-1107',
    );
    expect(
      receives.map((e) => [
        (e as unknown as { locationId: string }).locationId,
        e.quantityMilli,
        e.payload.serials,
      ]),
    ).toEqual([
      [DEMO_IDS.mainLocation, 600_000, 'V0 V1 V2 V3 V4 V5'],
      [DEMO_IDS.satelliteLocation, 500_000, 'V6 V7 V8 V9 V10'],
    ]);
    expect(new Set(receives.map((e) => e.payload.unitCostMicros))).toEqual(new Set([4_909_091]));
  }, 180_000);

  it('[CT1][RC4] a starter product has no GTIN yet: its first carton is given to it, and then counts', async () => {
    const page = await openReceive(null, manager);
    await clickTestId(page, 'nav-settings');
    await clickTestId(page, 'import-starter');
    await expect
      .poll(() => byTestId(page, 'starter-note').textContent(), { timeout: TIMEOUT })
      .toMatch(/^Added \d+ products/);
    await clickTestId(page, 'nav-receive');
    await byTestId(page, 'receipt-supplier').fill('Evolus');
    await clickTestId(page, 'receive-scan');
    await byTestId(page, 'scan-manual-input').fill(code('00099000000998', '2028-05-31', 'JV1', 'E1'));
    await clickTestId(page, 'scan-manual-submit');
    await byTestId(page, 'existing-product').selectOption({ label: 'Jeuveau 100 U (no GTIN yet)' });
    await clickTestId(page, 'existing-product-add');
    await expect.poll(() => lineCounts(page), { timeout: TIMEOUT }).toEqual([['JV1', '1']]);
    expect(await byTestId(page, 'new-product').count()).toBe(0);
  }, 180_000);
});
