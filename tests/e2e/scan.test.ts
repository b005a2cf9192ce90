// The scanner end to end: bwip-js barcodes drawn into .y4m videos play as Chromium's fake camera;
// the real app (built dist/, served by the sync server) decodes them in its worker, shows the
// scan result, selects the product and picks the lot by the FEFO rules. Each video needs its own
// Chromium (the fake camera is a launch flag), so each test launches one; 640×480 keeps it lean.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/domain/demo/clinic';
import { clickTestId, openApp } from './support/app';
import { ai17, codeFrame, shakyFrames, symbol } from './support/barcodes';
import { grantCamera, launchChromium } from './support/chromium';
import { startServer } from './support/server';
import type { RunningServer } from './support/server';
import { byTestId, demoLot, demoProduct, demoStaff, loadDemo, signIn, startVisit } from './support/treat';
import { writeY4m } from './support/y4m';

const W = 640;
const H = 480;
const TIMEOUT = 30_000;
const injector = demoStaff('Priya Shah');
const botox = demoProduct('Botox');
const restylane = demoProduct('Restylane');
const soonest = demoLot('C8123AC4'); // the FEFO suggestion at Main
const later = demoLot('C8377AD2'); // usable, but not the suggestion
const recalled = demoLot('19218-1'); // Restylane, recalled
const gtin = (p: typeof botox): string => p.gtins[0] ?? '';
const resultText = (lot: { lotNumber: string; expiry: string }, g: string) =>
  `GTIN ${g} · Lot ${lot.lotNumber} · Expiry ${lot.expiry}`;

describe('camera scanning', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chairside-scan-'));
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

  /** A page in a fresh Chromium whose camera plays `frames` (none: no camera, permission denied). */
  async function pageWithCamera(name: string, frames: Uint8Array[] | null): Promise<Page> {
    const video = join(dir, `${name}.y4m`);
    if (frames) writeY4m(video, { width: W, height: H, fps: 15, frames });
    // No video: a fake camera exists, but every permission prompt is answered "block".
    const browser = await launchChromium(
      frames
        ? { fakeVideoPath: video }
        : { extraArgs: ['--use-fake-device-for-media-stream', '--deny-permission-prompts'] },
    );
    browsers.push(browser);
    const context = await browser.newContext();
    if (frames) await grantCamera(context, server.url);
    const page = await context.newPage();
    await openApp(page, server.url);
    await loadDemo(page);
    await signIn(page, injector);
    await startVisit(page, {
      chartRef: `CH-${name}`,
      locationId: DEMO_IDS.mainLocation,
      areas: ['Glabella'],
    });
    return page;
  }

  async function waitForResult(page: Page, text: string): Promise<void> {
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="scan-result"]')?.textContent?.includes(t) === true,
      text,
      { timeout: TIMEOUT },
    );
  }

  it('[SC1][SC5] a GS1 DataMatrix on the camera selects the product and the suggested lot (straight to the draw)', async () => {
    const dm = symbol(
      'gs1datamatrix',
      `(01)${gtin(botox)}(17)${ai17(soonest.expiry)}(10)${soonest.lotNumber}`,
    );
    const page = await pageWithCamera('datamatrix', [
      codeFrame(dm, { width: W, height: H, modulePx: 8, angle: 4 }),
    ]);
    await clickTestId(page, 'open-scanner');
    await waitForResult(page, resultText(soonest, gtin(botox)));
    expect(await byTestId(page, `product-${botox.id}`).getAttribute('aria-pressed')).toBe('true');
    // The suggested lot needs no reason: the draw pad opens on it, and the scanner has closed.
    await byTestId(page, 'dose-display').waitFor({ timeout: TIMEOUT });
    expect(await page.getByRole('heading', { name: `Draw from lot ${soonest.lotNumber}` }).count()).toBe(1);
    expect(await byTestId(page, 'scan-panel').count()).toBe(0);
  });

  it('[SC1][SC5] a shaky, blurred GS1-128 of a later lot asks why it is not the FEFO suggestion', async () => {
    const code = symbol('gs1-128', `(01)${gtin(botox)}(17)${ai17(later.expiry)}(10)${later.lotNumber}`);
    const page = await pageWithCamera(
      'gs1-128',
      shakyFrames(code, { width: W, height: H, modulePx: 2, blur: 1 }),
    );
    await clickTestId(page, 'open-scanner');
    await waitForResult(page, resultText(later, gtin(botox)));
    await byTestId(page, 'deviation-reason').waitFor({ timeout: TIMEOUT });
    expect(await page.getByRole('button', { name: `Use lot ${later.lotNumber}` }).isDisabled()).toBe(true);
    expect(await byTestId(page, 'dose-display').count()).toBe(0);
  });

  it('[SC1][SC4][SC5] a Digital Link QR of a recalled lot is flagged red and needs a manager', async () => {
    const uri = `https://id.gs1.org/01/${gtin(restylane)}/10/${recalled.lotNumber}?17=${ai17(recalled.expiry)}`;
    const page = await pageWithCamera('dl-qr', [
      codeFrame(symbol('qrcode', uri), { width: W, height: H, modulePx: 6 }),
    ]);
    await clickTestId(page, 'open-scanner');
    await waitForResult(page, resultText(recalled, gtin(restylane)));
    await byTestId(page, 'scan-flag-recalled').waitFor({ timeout: TIMEOUT });
    await byTestId(page, 'manager-override').waitFor({ timeout: TIMEOUT });
    expect(await byTestId(page, `product-${restylane.id}`).getAttribute('aria-pressed')).toBe('true');
  });

  it('[SC6] camera denied: a helpful message, and manual entry and a keyboard-wedge scanner still work', async () => {
    const page = await pageWithCamera('denied', null);
    await clickTestId(page, 'open-scanner');
    const denied = byTestId(page, 'camera-denied');
    await denied.waitFor({ timeout: TIMEOUT });
    expect(await denied.textContent()).toContain('site settings');
    await byTestId(page, 'scan-manual-input').fill(
      `(01)${gtin(botox)}(17)${ai17(later.expiry)}(10)${later.lotNumber}`,
    );
    await clickTestId(page, 'scan-manual-submit');
    await waitForResult(page, resultText(later, gtin(botox)));
    // A wedge scanner types fast and ends with Enter while focus is outside any field.
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.type(`(01)${gtin(botox)}(17)${ai17(soonest.expiry)}(10)${soonest.lotNumber}`, {
      delay: 5,
    });
    await page.keyboard.press('Enter');
    await waitForResult(page, resultText(soonest, gtin(botox)));
  });
});
