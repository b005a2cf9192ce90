// Purchase orders in the real app ([PO1]-[PO3]): a manager orders two products and sends the order;
// the delivery is received against it by scanning a fake-camera video that shows the two cartons,
// one of them twice. The packing-slip check, the prices from the order, the stored receive events,
// the stock, the lots' cost and the order's status are exact; the repeated serial is refused.
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
import { byTestId, demoProduct, demoStaff, loadDemo, signIn, stockRow, storedEvents } from './support/treat';
import { cartonCode, JUVEDERM_CARTON_GTIN, writeCartonSweep } from './support/cartons';

const TIMEOUT = 30_000;
const manager = demoStaff('Casey Kim');
const frontDesk = demoStaff('Sam Rivera');
const juvederm = demoProduct('Juvéderm');
const botox = demoProduct('Botox');
const CARTON_GTIN = JUVEDERM_CARTON_GTIN;
const code = cartonCode;

describe('purchase orders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chairside-po-'));
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

  /** Adds `product` to the draft: `packs` packs at `cost` dollars per base unit. */
  async function addLine(page: Page, name: string, packs: string, cost: string) {
    await byTestId(page, 'po-add-product').selectOption({ label: name });
    const line = page.locator(`[data-testid="po-line"][data-product="${name}"]`);
    await line.locator('[data-testid="po-line-packs"]').fill(packs);
    await line.locator('[data-testid="po-line-cost"]').fill(cost);
  }

  it('[PO1][PO3][RC5] order two products, receive them by camera against the order: stock, lot cost and status exact, the repeat refused', async () => {
    const cartonA = code(CARTON_GTIN, '2028-03-31', 'J78', 'S11');
    const cartonB = code(botox.gtins[0] ?? '', '2028-01-31', 'C98', 'B11');
    const video = join(dir, 'po.y4m');
    writeCartonSweep(video, [cartonA, cartonB, cartonA]);
    const browser = await launchChromium({ fakeVideoPath: video });
    browsers.push(browser);
    const context = await browser.newContext({ viewport: { width: 1180, height: 820 } });
    await grantCamera(context, server.url);
    const page = await context.newPage();
    await openApp(page, server.url);
    await loadDemo(page);
    await signIn(page, manager);
    await clickTestId(page, 'nav-receive');

    // The order: 1 carton of Juvéderm (2 × 1 mL) at $300.00/mL, 1 Botox vial (100 U) at $5.40/U.
    await clickTestId(page, 'receive-tab-orders');
    await clickTestId(page, 'po-new');
    await byTestId(page, 'po-supplier').fill('Allergan');
    await byTestId(page, 'po-reference').fill('PO-E2E-1');
    await addLine(page, juvederm.name, '1', '300');
    await addLine(page, botox.name, '1', '5.40');
    expect(await byTestId(page, 'po-total').textContent()).toBe('$1,140.00');
    await clickTestId(page, 'po-send');
    const row = page.locator('[data-testid="po-row"]', { hasText: 'PO-E2E-1' });
    await expect.poll(() => row.getAttribute('data-status'), { timeout: TIMEOUT }).toBe('sent');

    // The delivery, against the order: supplier and PO number come from it.
    await row.click();
    await clickTestId(page, 'po-receive');
    expect(await byTestId(page, 'receipt-supplier').inputValue()).toBe('Allergan');
    expect(await byTestId(page, 'receipt-po').inputValue()).toBe('PO-E2E-1');
    const slipStates = () =>
      page.$$eval('[data-testid="po-slip-line"]', (rows) => rows.map((r) => r.getAttribute('data-state')));
    expect(await slipStates()).toEqual(['missing', 'missing']);
    await clickTestId(page, 'receive-scan');
    await expect
      .poll(
        () =>
          page.$$eval('[data-testid="receipt-line"]', (lines) =>
            lines.map((l) => [
              l.getAttribute('data-lot'),
              (l.querySelector('[data-testid="receipt-line-count"]') as HTMLInputElement).value,
            ]),
          ),
        { timeout: TIMEOUT },
      )
      .toEqual([
        ['J78', '2'],
        ['C98', '1'],
      ]);
    await expect
      .poll(() => byTestId(page, 'receive-note').textContent(), { timeout: TIMEOUT })
      .toContain('Carton S11 is already on this receipt.');
    expect(await slipStates()).toEqual(['complete', 'complete']);
    expect(await byTestId(page, 'po-slip-after').textContent()).toContain('received');
    // The price per container comes from the order line: 1 mL × $300.00, 100 U × $5.40.
    const prices = byTestId(page, 'receipt-line-price');
    expect([await prices.nth(0).inputValue(), await prices.nth(1).inputValue()]).toEqual([
      '300.00',
      '540.00',
    ]);
    await clickTestId(page, 'receipt-review-open');
    await clickTestId(page, 'receipt-store');
    await byTestId(page, 'receipt-done').waitFor({ timeout: TIMEOUT });

    const org = DEMO_IDS.organization;
    const receives = (await storedEvents(page)).filter(
      (e) => e.type === 'receive' && e.payload.purchaseOrder === 'PO-E2E-1',
    );
    const orderId = receives[0]?.payload.purchaseOrderId;
    expect(typeof orderId).toBe('string');
    expect(
      receives
        .map((e) => [
          e.lotId,
          e.quantityMilli,
          e.payload.serials,
          e.payload.unitCostMicros,
          e.payload.purchaseOrderId,
        ])
        .sort(),
    ).toEqual(
      [
        [lotIdFor(org, juvederm.id, 'J78'), 2_000, 'S11', 300_000_000, orderId],
        [lotIdFor(org, botox.id, 'C98'), 100_000, 'B11', 5_400_000, orderId],
      ].sort(),
    );
    // Stock and the lots' cost per unit, as the Stock screen shows them to a manager.
    const j78 = (await stockRow(page, 'J78')).join(' | ');
    const c98 = (await stockRow(page, 'C98')).join(' | ');
    expect(j78).toContain('2 mL');
    expect(j78).toContain('$300.00');
    expect(c98).toContain('100 U');
    expect(c98).toContain('$5.40');

    // The order is received: it follows from the receipts.
    await clickTestId(page, 'nav-receive');
    await clickTestId(page, 'receive-tab-orders');
    await expect.poll(() => row.getAttribute('data-status'), { timeout: TIMEOUT }).toBe('received');
  }, 240_000);

  it('[PO6][PO1] a suggested order starts a draft per supplier with what is below its minimum at Main St; cancelling it keeps it listed', async () => {
    const browser = await launchChromium({});
    browsers.push(browser);
    const page = await (await browser.newContext({ viewport: { width: 1180, height: 820 } })).newPage();
    await openApp(page, server.url);
    await loadDemo(page);
    await signIn(page, manager);
    await clickTestId(page, 'nav-receive');
    await clickTestId(page, 'receive-tab-orders');
    // The demo at Main St: Xeomin 100 U on hand, minimum 200 U, no reorder quantity → 2 × 200 − 100
    // = 300 U = 3 vials, from its supplier; everything else is at or above its minimum.
    await byTestId(page, 'po-suggest-location').selectOption({ label: 'Lumen Aesthetics — Main St' });
    await clickTestId(page, 'po-suggest');
    await expect
      .poll(() => byTestId(page, 'po-suggest-note').textContent(), { timeout: TIMEOUT })
      .toContain('Merz Aesthetics (1)');
    const draft = page.locator('[data-testid="po-row"][data-status="draft"]', { hasText: 'Merz Aesthetics' });
    await draft.click();
    const line = page.locator('[data-testid="po-line"]');
    expect(await line.count()).toBe(1);
    expect(await line.getAttribute('data-product')).toBe(demoProduct('Xeomin').name);
    expect(await line.locator('[data-testid="po-line-packs"]').inputValue()).toBe('3');
    expect(await line.locator('[data-testid="po-line-units"]').inputValue()).toBe('300');
    // A stored draft is cancelled (it stays listed, as cancelled); a new one is only discarded.
    await clickTestId(page, 'po-cancel');
    const merz = page.locator('[data-testid="po-row"]', { hasText: 'Merz Aesthetics' });
    await expect.poll(() => merz.getAttribute('data-status'), { timeout: TIMEOUT }).toBe('cancelled');
    await clickTestId(page, 'po-new');
    await clickTestId(page, 'po-discard');
    expect(await page.locator('[data-testid="po-row"]').count()).toBe(1);
  }, 120_000);

  it('[PO2][ST3] front desk sees the orders and receives against one, but cannot start, send or cancel one, nor sees its costs', async () => {
    const browser = await launchChromium({});
    browsers.push(browser);
    const page = await (await browser.newContext({ viewport: { width: 1180, height: 820 } })).newPage();
    await openApp(page, server.url);
    await loadDemo(page);
    await signIn(page, manager);
    await clickTestId(page, 'nav-receive');
    await clickTestId(page, 'receive-tab-orders');
    await clickTestId(page, 'po-new');
    await byTestId(page, 'po-supplier').fill('Allergan');
    await byTestId(page, 'po-reference').fill('PO-FD-1');
    await addLine(page, botox.name, '2', '5.40');
    await clickTestId(page, 'po-send');
    await page.locator('[data-testid="po-row"]', { hasText: 'PO-FD-1' }).waitFor({ timeout: TIMEOUT });
    await clickTestId(page, 'switch-staff');
    await signIn(page, frontDesk);
    await clickTestId(page, 'nav-receive');
    await clickTestId(page, 'receive-tab-orders');
    const row = page.locator('[data-testid="po-row"]', { hasText: 'PO-FD-1' });
    await row.waitFor({ timeout: TIMEOUT });
    expect(await byTestId(page, 'po-new').count()).toBe(0);
    expect(await byTestId(page, 'po-suggest').count()).toBe(0);
    expect(await row.textContent()).not.toContain('$');
    await row.click();
    expect(await byTestId(page, 'po-cancel').count()).toBe(0);
    expect(await byTestId(page, 'po-total').count()).toBe(0);
    await clickTestId(page, 'po-receive');
    await clickTestId(page, 'receive-scan');
    await byTestId(page, 'scan-manual-input').fill(code(botox.gtins[0] ?? '', '2028-06-30', 'FD1', 'F1'));
    await clickTestId(page, 'scan-manual-submit');
    await byTestId(page, 'receipt-line').waitFor({ timeout: TIMEOUT });
    // No price from the order and no order price beside it: front desk types the invoice's.
    expect(await byTestId(page, 'receipt-line-price').inputValue()).toBe('');
    expect(await byTestId(page, 'receipt-line-order-price').count()).toBe(0);
    expect(await page.locator('[data-testid="po-slip-line"]').getAttribute('data-state')).toBe('short');
  }, 120_000);
});
